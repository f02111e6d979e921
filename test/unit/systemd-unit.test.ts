// The units a NAS runs: the daemon's directives read back from the file, and, where the
// machine has systemd-analyze, systemd's own verdict on the sandbox.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/daemon.js';

type Unit = Map<string, Map<string, string[]>>;

/** Parses a systemd unit into section → key → values (keys may repeat). */
function parseUnit(text: string): Unit {
  const sections: Unit = new Map();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1] as string, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq < 0) throw new Error(`not a unit line: ${line}`);
    const key = line.slice(0, eq).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return sections;
}

const unitPath = (name: string) => join(REPO_ROOT, 'systemd', name);

function serviceSection(name: string) {
  const unit = parseUnit(readFileSync(unitPath(name), 'utf8'));
  const service = unit.get('Service') ?? new Map<string, string[]>();
  return { unit, service, one: (key: string) => service.get(key)?.at(-1) };
}

describe('systemd/aime.service', () => {
  const { unit, service, one } = serviceSection('aime.service');

  it('runs the installed daemon as the aime user with its state directory', () => {
    expect(one('User')).toBe('aime');
    expect(one('Group')).toBe('aime');
    expect(one('StateDirectory')).toBe('aime');
    expect(one('StateDirectoryMode')).toBe('0700');
    expect(service.get('Environment')).toContain('AIME_HOME=/var/lib/aime');
    // README's install sequence puts the launcher at /opt/aime/bin/aime (npm -g --prefix /opt/aime).
    expect(one('ExecStart')).toBe('/opt/aime/bin/aime daemon');
    expect(one('Restart')).toBe('on-failure');
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it('puts the socket in a runtime directory the group aime can enter, outside the private state directory', () => {
    expect(one('RuntimeDirectory')).toBe('aime');
    // 0750: members of the group aime may reach a 0660 socket; other users cannot even list it.
    expect(one('RuntimeDirectoryMode')).toBe('0750');
    expect(service.get('Environment')).toContain('AIME_SOCKET=/run/aime/aime.sock');
  });

  it('is sandboxed: writes only its state directory, no capabilities, private users, devices, mounts and IPC', () => {
    for (const [key, value] of Object.entries({
      NoNewPrivileges: 'true', ProtectSystem: 'strict', ProtectHome: 'true', PrivateTmp: 'true', PrivateDevices: 'true',
      DevicePolicy: 'closed', PrivateUsers: 'true', PrivateMounts: 'true', RemoveIPC: 'true', ProtectProc: 'invisible',
      ProcSubset: 'pid', ProtectKernelTunables: 'true', ProtectControlGroups: 'true', RestrictNamespaces: 'true',
      RestrictSUIDSGID: 'true', LockPersonality: 'true', SystemCallArchitectures: 'native', CapabilityBoundingSet: '',
      UMask: '0077', SystemCallErrorNumber: 'EPERM',
    })) {
      expect(one(key), key).toBe(value);
    }
    expect(service.get('ReadWritePaths')).toEqual(['/var/lib/aime']);
    expect(service.get('SystemCallFilter')).toEqual(['@system-service @pkey', '~@privileged @resources']);
  });

  it('keeps the network the daemon needs: Internet, the LAN (Roon discovery lists interfaces over netlink), its socket', () => {
    expect(one('RestrictAddressFamilies')?.split(/\s+/).sort()).toEqual(['AF_INET', 'AF_INET6', 'AF_NETLINK', 'AF_UNIX']);
    expect(service.has('PrivateNetwork')).toBe(false);
    expect(service.has('IPAddressDeny')).toBe(false);
    // V8 compiles to memory it writes then executes.
    expect(service.has('MemoryDenyWriteExecute')).toBe(false);
  });

  it('bounds memory, tasks and open files above what the daemon uses', () => {
    const megabytes = Number.parseInt(one('MemoryMax') ?? '', 10);
    expect(one('MemoryMax')).toMatch(/^\d+M$/);
    expect(megabytes).toBeGreaterThanOrEqual(400); // imports peak near 250 MB
    expect(megabytes).toBeLessThanOrEqual(1024);
    expect(Number(one('TasksMax'))).toBeGreaterThanOrEqual(32); // 11 threads idle, +1 per running job
    expect(Number(one('LimitNOFILE'))).toBeGreaterThanOrEqual(512); // 256 socket clients + databases + HTTP
  });

  it('stops within the daemon shutdown budget', () => {
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(Number.parseInt(one('TimeoutStopSec') ?? '90', 10)).toBeLessThanOrEqual(10);
  });
});

describe('systemd/aime-export.service', () => {
  const { service, one } = serviceSection('aime-export.service');

  it('keeps the state directory private like the daemon (systemd resets its mode at each start)', () => {
    expect(one('StateDirectoryMode')).toBe('0700');
  });

  it('has the daemon sandbox without any network', () => {
    for (const key of ['PrivateUsers', 'PrivateMounts', 'RemoveIPC', 'PrivateNetwork']) expect(one(key), key).toBe('true');
    expect(one('ProtectProc')).toBe('invisible');
    expect(one('ProcSubset')).toBe('pid');
    expect(one('DevicePolicy')).toBe('closed');
    expect(one('IPAddressDeny')).toBe('any');
    expect(one('RestrictAddressFamilies')).toBe('AF_UNIX');
    expect(service.get('SystemCallFilter')).toEqual(['@system-service @pkey', '~@privileged @resources']);
    expect(one('MemoryMax')).toMatch(/^\d+M$/);
  });
});

// systemd's own scoring (0 = fully sandboxed, 10 = none). Where systemd-analyze is missing
// (macOS, containers without systemd) this is skipped, and says so.
const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const hasAnalyze = analyze.status === 0;

describe.skipIf(!hasAnalyze)('systemd-analyze security (skipped: systemd-analyze is not installed)', () => {
  function exposure(name: string): { level: number; stderr: string } {
    const result = spawnSync('systemd-analyze', ['security', '--offline=yes', '--no-pager', unitPath(name)], { encoding: 'utf8' });
    const match = /Overall exposure level for [^:]+: (\d+(?:\.\d+)?)/.exec(result.stdout);
    if (!match) throw new Error(`no exposure level in:\n${result.stdout}\n${result.stderr}`);
    return { level: Number(match[1]), stderr: result.stderr };
  }

  it('rates aime.service at most 1.5, with every directive understood', () => {
    const { level, stderr } = exposure('aime.service');
    expect(stderr).not.toMatch(/unknown|ignoring|invalid/i);
    expect(level).toBeLessThanOrEqual(1.5);
  });

  it('rates aime-export.service at most 1.0', () => {
    const { level, stderr } = exposure('aime-export.service');
    expect(stderr).not.toMatch(/unknown|ignoring|invalid/i);
    expect(level).toBeLessThanOrEqual(1.0);
  });
});

/** systemd's own system call groups: `@group` → its members (calls and nested groups). */
function syscallGroups(): Map<string, string[]> {
  const listing = spawnSync('systemd-analyze', ['syscall-filter', '--no-pager'], { encoding: 'utf8' }).stdout;
  const groups = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of listing.split('\n')) {
    if (line.startsWith('@')) groups.set(line.trim(), (current = []));
    else if (/^ {4}[^#\s]/.test(line)) current?.push(line.trim());
    else if (!line.startsWith(' ')) current = undefined;
  }
  return groups;
}

describe.skipIf(!hasAnalyze)('aime.service with the HTTP listener on (skipped: systemd-analyze is not installed)', () => {
  it('lets the daemon listen on a TCP port: every call a Node HTTP server makes passes the system call filter', () => {
    const groups = syscallGroups();
    const expand = (names: string[], seen = new Set<string>()): Set<string> => {
      for (const name of names) {
        if (seen.has(name)) continue;
        seen.add(name);
        if (name.startsWith('@')) expand(groups.get(name) ?? [], seen);
      }
      return seen;
    };
    const { service } = serviceSection('aime.service');
    const [allow, deny] = service.get('SystemCallFilter') ?? [];
    const denied = expand((deny ?? '').replace(/^~/, '').split(/\s+/));
    const allowed = [...expand((allow ?? '').split(/\s+/))].filter((call) => !denied.has(call));
    for (const call of ['socket', 'setsockopt', 'bind', 'listen', 'accept4', 'getsockname', 'getpeername', 'shutdown', 'epoll_ctl', 'epoll_wait', 'writev']) {
      expect(allowed, call).toContain(call);
    }
    // Ports above 1024 need no capability, and the unit grants none.
    expect(service.get('CapabilityBoundingSet')).toEqual(['']);
    expect(service.get('AmbientCapabilities')).toEqual(['']);
  });
});
