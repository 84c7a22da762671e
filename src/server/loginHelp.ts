// What `npm start` prints once the server listens: where it is and how to log in.
import type { BootstrapResult } from './bootstrap.js';

/**
 * The start-up message. A generated admin password is shown once, on the first start; one that
 * came from OPENPES_ADMIN_PASSWORD is never printed (logs are collected by other people than
 * whoever set the environment), only where it came from.
 */
export function loginHelp(url: string, kind: string, boot: BootstrapResult, passwordFromEnv: boolean): string {
  const lines = ['', `OpenPES 公共就业服务平台已启动：${url}  （数据库：${kind}）`, `接口文档：${url}/api/docs`];
  if (boot.firstStart) {
    const password = passwordFromEnv ? '环境变量 OPENPES_ADMIN_PASSWORD 的值' : `${boot.adminPassword}  （仅首次启动显示，请登录后修改）`;
    lines.push(`管理员账号：admin  密码：${password}`);
    if (boot.demoAccounts.length > 0) {
      lines.push(`演示账号（密码同上）：`);
      for (const a of boot.demoAccounts.slice(0, 12)) lines.push(`  ${a.username.padEnd(28)} ${a.name}（${a.unit}，${a.roles.join('/')}）`);
      if (boot.demoAccounts.length > 12) lines.push(`  …… 共 ${boot.demoAccounts.length} 个演示账号，可在“工作人员”页查看`);
      if (boot.population)
        lines.push(`演示人口：${boot.population.persons} 人，${boot.population.households} 户，${boot.population.events} 条登记与服务记录`);
    }
  } else {
    lines.push('登录：admin，密码为首次启动时显示的密码或 OPENPES_ADMIN_PASSWORD 的值。');
  }
  return lines.join('\n') + '\n';
}
