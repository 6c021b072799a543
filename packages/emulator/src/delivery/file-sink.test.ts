import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createFileSink, prepareDataDir } from './file-sink.js';

describe('file sink', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'emulator-sink-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('writes objects under <dataDir>/s3/<bucket>/<key> and leaves no partial file', async () => {
    await prepareDataDir(dataDir);
    const sink = createFileSink(dataDir);
    await sink.putObject({
      bucket: 'campaign-entries',
      key: 'entries/2027/02/14/01/x.gz',
      body: new Uint8Array([1, 2]),
    });
    const folder = join(dataDir, 's3', 'campaign-entries', 'entries', '2027', '02', '14', '01');
    assert.deepEqual(await readdir(folder), ['x.gz']);
    assert.deepEqual([...(await readFile(join(folder, 'x.gz')))], [1, 2]);
  });

  it('refuses a key that would leave the data directory', async () => {
    const sink = createFileSink(dataDir);
    await assert.rejects(sink.putObject({ bucket: 'b', key: '../../escape.gz', body: new Uint8Array() }), /leaves/);
  });
});
