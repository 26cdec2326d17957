// Keeps README.md one document and true: each section heading appears once, so copies cannot drift
// apart, and the contents at the top link each; every file it names exists; and the rules table
// names e2e tests that exist and faults that are shown failing them; npm passes its signals on.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { CONSUMER_NAME, PROVIDER_NAME } from '../contracts/participants.ts';
import { FAULT_NAMES } from '../sandbox/faults.ts';

const readme = readFileSync('README.md', 'utf8');

it('README.md has each ## section once', () => {
  const headings = readme.split('\n').filter((line) => line.startsWith('## '));
  const repeated = headings.filter((heading, index) => headings.indexOf(heading) !== index);
  assert.deepEqual(repeated, [], `repeated README sections: ${repeated.join(', ')}`);
});

it('README.md names only files that exist', () => {
  const named = [...readme.matchAll(/`((?:[\w.-]+\/)+[\w.-]+\.(?:ts|json|yaml|yml|md))`/g)].map(
    (match) => match[1] as string,
  );
  // Paths under reports/, test-output/ and contracts/pacts/ are written by a run, and ../shared sits
  // beside the clone.
  const inRepository = named.filter((file) => !/^(reports|test-output|contracts\/pacts|\.\.)\//.test(file));
  assert.ok(inRepository.length > 20, `${inRepository.length} files named`);
  assert.deepEqual(
    inRepository.filter((file) => !existsSync(file)),
    [],
  );
});

it("README.md's pact-broker commands name the participants and the CLI version the suite uses", () => {
  const pinned = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies['@pact-foundation/pact-cli'];
  const packages = [...readme.matchAll(/npx -p (@pact-foundation\/pact-cli\S*)/g)].map((match) => match[1]);
  assert.ok(packages.length > 0, 'the README shows the API pipeline its pact-broker commands');
  assert.deepEqual([...new Set(packages)], [`@pact-foundation/pact-cli@${pinned}`]);
  const participants = [...readme.matchAll(/--pacticipant (\S+)/g)].map((match) => match[1]);
  assert.deepEqual([...new Set(participants)], [PROVIDER_NAME]);
  assert.ok(readme.includes(`(\`${CONSUMER_NAME}\`)`), 'the consumer is named as participants.ts names it');
});

/** The rows of the table under "## Rules and their proofs": [rule, source, e2e test, broken by]. */
function ruleRows(): string[][] {
  const section = readme.split('\n## Rules and their proofs\n')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| rule ') && !line.startsWith('| ---'))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

const sourcesIn = (folder: string) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(`${folder}/${file}`, 'utf8'))
    .join('\n');

it('README.md has a rules table whose every e2e test exists and every fault is shown failing it', () => {
  const rows = ruleRows();
  assert.ok(rows.length >= 20, `${rows.length} rules in the table`);
  // Titles as written in the sources, with escaped quotes read as quotes.
  const e2eSources = `${sourcesIn('e2e')}\n${sourcesIn('e2e/checks')}`.replaceAll("\\'", "'");
  const provenFaults = readFileSync('e2e/checks/checks-can-fail.test.ts', 'utf8');
  const named = new Set<string>();
  for (const [rule, , test, brokenBy] of rows) {
    assert.ok(test !== undefined && brokenBy !== undefined, `the row for "${rule}" has four cells`);
    assert.ok(e2eSources.includes(test), `no e2e test is titled "${test}" (rule: ${rule})`);
    for (const [, fault] of brokenBy.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)) {
      assert.ok((FAULT_NAMES as readonly string[]).includes(fault as string), `"${fault}" is not a sandbox fault`);
      // A check run against it: `faulty('<fault>'…)`, or a row of a table of failing cases that it opens
      // (a fault named anywhere else, such as a correct provider's option, proves nothing).
      const proof = new RegExp(`faulty\\('${fault}'[,)]|\\['${fault}',|^\\s*\\[\\n\\s*'${fault}',`, 'm');
      assert.match(provenFaults, proof, `no test shows a check failing against ${fault}`);
      named.add(fault as string);
    }
  }
  assert.deepEqual(
    FAULT_NAMES.filter((fault) => !named.has(fault)),
    [],
    'every sandbox fault is in the table',
  );
});

it('README.md opens with contents that link every ## section, in order', () => {
  const headings = readme
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3));
  // GitHub's anchors: lower case, punctuation dropped, spaces as hyphens.
  const anchor = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\w\- ]/g, '')
      .replaceAll(' ', '-');
  const contents = readme.split('\n').find((line) => line.startsWith('Contents: '));
  assert.equal(contents, `Contents: ${headings.map((heading) => `[${heading}](#${anchor(heading)})`).join(' · ')}`);
});

it("every npm script that starts one program execs it: a signal to npm (`kill $!`) reaches it, as the README's Ctrl-C and SIGTERM say", () => {
  const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
  // Variables first, then the one program; a script of several commands (a && b) has none to exec.
  const unexeced = Object.entries(scripts).filter(
    ([, command]) => !command.includes('&&') && !/^(?:[A-Z_]+=\S+\s+)*exec\s/.test(command),
  );
  assert.deepEqual(unexeced, []);
});
