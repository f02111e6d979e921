// The cron alternative: a hardened oneshot export run by a persistent daily timer, whose
// commands are real `aime export` invocations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { REPO_ROOT } from '../support/daemon.js';

function lines(file: string): string[] {
  return readFileSync(join(REPO_ROOT, 'systemd', file), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
}

describe('systemd/aime-export.service', () => {
  const unit = lines('aime-export.service');
  it('is a hardened oneshot writing only the state directory, without network', () => {
    for (const line of ['Type=oneshot', 'User=aime', 'Environment=AIME_HOME=/var/lib/aime', 'NoNewPrivileges=true', 'ProtectSystem=strict',
      'ProtectHome=true', 'PrivateTmp=true', 'PrivateNetwork=true', 'ReadWritePaths=/var/lib/aime']) {
      expect(unit).toContain(line);
    }
  });

  it('runs commands the CLI accepts', async () => {
    const starts = unit.filter((line) => line.startsWith('ExecStart='));
    // The launcher README's install sequence puts there (npm install -g --prefix /opt/aime).
    for (const line of starts) expect(line.split(/\s+/)[0]).toBe('ExecStart=/opt/aime/bin/aime');
    const commands = starts.map((line) => line.split(/\s+/).slice(1));
    expect(commands).toHaveLength(2);
    for (const args of commands) {
      expect(args[0]).toBe('export');
      const program = await buildProgram();
      const exportCommand = program.commands.find((command) => command.name() === 'export')!;
      exportCommand.action(() => undefined);
      await program.parseAsync(['node', 'aime', ...args]);
      expect(exportCommand.args[0]).toMatch(/^(markdown|json)$/);
      expect(exportCommand.opts().out).toMatch(/^\/var\/lib\/aime\//);
    }
  });
});

describe('systemd/aime-export.timer', () => {
  it('fires daily and catches up a run missed while the machine was off', () => {
    const timer = lines('aime-export.timer');
    expect(timer).toContain('Persistent=true');
    expect(timer).toContain('Unit=aime-export.service');
    expect(timer.some((line) => /^OnCalendar=\*-\*-\* \d\d:\d\d:\d\d$/.test(line))).toBe(true);
    expect(timer).toContain('WantedBy=timers.target');
  });
});
