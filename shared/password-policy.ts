/**
 * Password policy (等保 2.0 身份鉴别): at least 8 characters, at least 3 of the 4 character
 * classes, must not contain the login name, must not be a commonly used password.
 * Shared so the web form checks as the user types; the server is the one that enforces it.
 */
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 8;

export function checkPassword(password: string, login: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码长度至少${PASSWORD_MIN_LENGTH}位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、特殊符号中的至少3类');
  const lower = password.toLowerCase();
  if (login.length >= 2 && lower.includes(login.toLowerCase())) problems.push('密码不得包含登录名');
  if (COMMON_PASSWORDS.has(lower)) problems.push('该密码过于常见，容易被猜中，请换一个');
  return problems;
}
