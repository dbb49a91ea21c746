// `npm run org:create [alias]`: a scratch org ready to use. Creates it from config/project-scratch-def.json, builds
// and deploys the package, gives the running admin the Personal_Connection_Admin permission set (field access
// for the sample data and the console), and imports the sample accounts, contacts and tasks. Needs a Dev Hub
// (`sf org login web --set-default-dev-hub`) and network access; it stops at the first failing step.
import { spawnSync } from 'node:child_process';

const alias = process.argv[2] ?? 'pc-scratch';
const sf = (...args) => ['sf', ...args];
const steps = [
    sf(
        'org',
        'create',
        'scratch',
        '--definition-file',
        'config/project-scratch-def.json',
        '--alias',
        alias,
        '--set-default',
        '--duration-days',
        '7',
        '--wait',
        '15'
    ),
    ['npm', 'run', 'build'],
    sf('project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', alias, '--wait', '20'),
    sf('org', 'assign', 'permset', '--name', 'Personal_Connection_Admin', '--target-org', alias),
    sf('data', 'import', 'tree', '--plan', 'data/sample-data-plan.json', '--target-org', alias),
    sf('org', 'open', '--target-org', alias, '--path', 'lightning/app/c__Personal_Connection', '--url-only')
];
for (const [command, ...args] of steps) {
    console.log(`\n$ ${[command, ...args].join(' ')}`);
    const run = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    if (run.status !== 0) {
        console.error(
            `\nStopped: "${[command, ...args].slice(0, 4).join(' ')}" failed (exit ${run.status ?? run.signal}).`
        );
        process.exit(run.status || 1);
    }
}
console.log(
    `\nScratch org "${alias}" is ready: open the Personal Connection app; run Apex tests with npm run test:apex -- --target-org ${alias}`
);
