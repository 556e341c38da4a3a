import { describe, expect, it } from 'vitest';
import { hasRole } from '../../core/model/roles';

describe('hasRole (the server and the page decide who may edit with it)', () => {
  it('lets each role do what the roles before it may', () => {
    expect(hasRole('admin', 'editor')).toBe(true);
    expect(hasRole('editor', 'editor')).toBe(true);
    expect(hasRole('viewer', 'editor')).toBe(false);
    expect(hasRole('editor', 'admin')).toBe(false);
    expect(hasRole('viewer', 'viewer')).toBe(true);
  });

  it('gives nothing to no account or an unknown role', () => {
    expect(hasRole(undefined, 'viewer')).toBe(false);
    expect(hasRole('root', 'viewer')).toBe(false);
    expect(hasRole('', 'viewer')).toBe(false);
  });
});
