// com.roonlabs.image:1 (roon-api.md §5): the image bytes of an image_key, scaled by the Core.
import { UnrecoverableError } from '../../core/errors.js';
import type { PairedCore } from './paired-core.js';
import { IMAGE_SERVICE } from './services.js';

export interface RoonImage {
  readonly contentType: string;
  readonly data: Buffer;
}

export class ImageClient {
  private readonly core: PairedCore;

  constructor(core: PairedCore) {
    this.core = core;
  }

  async get(imageKey: string, size?: { width: number; height: number }): Promise<RoonImage> {
    const body: Record<string, unknown> = { image_key: imageKey, format: 'image/jpeg' };
    if (size) Object.assign(body, { scale: 'fit', width: size.width, height: size.height });
    const reply = await this.core.request(`${IMAGE_SERVICE}/get_image`, body);
    if (!Buffer.isBuffer(reply.body)) throw new UnrecoverableError(`the Roon Core sent no image bytes for ${imageKey}`);
    return { contentType: reply.contentType ?? 'application/octet-stream', data: reply.body };
  }
}
