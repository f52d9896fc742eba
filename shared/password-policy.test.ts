import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a long password with three classes that is not common', () => {
    expect(checkPassword('Qingshan#77a', 'dave')).toEqual([]);
    expect(checkPassword('qingshan#77a', 'dave')).toEqual([]);
  });

  it('refuses short passwords', () => {
    expect(checkPassword('Aa1#xyz', 'dave').join()).toContain('至少8位');
  });

  it('refuses fewer than three character classes', () => {
    expect(checkPassword('qingshanlu', 'dave').join()).toContain('至少3类');
    expect(checkPassword('qingshan77', 'dave').join()).toContain('至少3类');
  });

  it('refuses a password containing the login name, in any case', () => {
    expect(checkPassword('xx#DAVE2026', 'dave').join()).toContain('登录名');
  });

  it('refuses common passwords even when they meet the other rules', () => {
    expect(checkPassword('P@ssw0rd', 'dave').join()).toContain('常见');
    expect(checkPassword('Admin@123', 'dave').join()).toContain('常见');
  });
});
