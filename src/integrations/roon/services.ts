// The Core services AIME asks for. node-roon-api builds one instance of each class per Core
// (core.services[Class.name]); AIME's typed clients talk to PairedCore instead, so these
// only declare the names Roon must grant.
import type { ServiceClass } from '@roonlabs/node-roon-api';

export const TRANSPORT_SERVICE = 'com.roonlabs.transport:2';
export const BROWSE_SERVICE = 'com.roonlabs.browse:1';
export const IMAGE_SERVICE = 'com.roonlabs.image:1';

class RoonTransportGrant {
  static services = [{ name: TRANSPORT_SERVICE }];
}
class RoonBrowseGrant {
  static services = [{ name: BROWSE_SERVICE }];
}
class RoonImageGrant {
  static services = [{ name: IMAGE_SERVICE }];
}

export const ROON_SERVICE_CLASSES: ServiceClass[] = [RoonTransportGrant, RoonBrowseGrant, RoonImageGrant];
