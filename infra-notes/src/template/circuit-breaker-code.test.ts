// The circuit breaker's inline Python (CircuitBreakerFunction's Code.ZipFile), run as it is written in the template
// against moto's in-process IAM and SNS: pausing reaches every guest role under the campaign's path (the main stack's
// and a regional stack's), never another role; resuming detaches it again; a wrong action changes nothing.
// moto and boto3 are installed on every development and CI machine (like cfn-lint): missing ones fail, not skip.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadTemplate } from './template.js';
import { get } from './template-model.js';

const code = get(loadTemplate().Resources.CircuitBreakerFunction?.Properties, 'Code', 'ZipFile');
const dir = mkdtempSync(join(tmpdir(), 'campaign-breaker-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Sets up three roles (two under the guest path, one outside), the pause policy and the alarm topic in moto, then
// runs each step through the template's handler and prints, per step, its answer (or error) and what is attached.
const HARNESS = `
import json, os, sys
os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1")
from moto import mock_aws
import boto3

steps = json.loads(sys.argv[1])
with mock_aws():
    iam = boto3.client("iam")
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}]})
    path = "/campaign-entry/beer-prod/guests/"
    for name, where in [("beer-prod-guests", path), ("beer-prod-guests-eu-west-1", path), ("unrelated", "/")]:
        iam.create_role(RoleName=name, Path=where, AssumeRolePolicyDocument=trust)
    deny = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "firehose:*", "Resource": "*"}]})
    policy = iam.create_policy(PolicyName="intake-paused", PolicyDocument=deny)["Policy"]["Arn"]
    topic = boto3.client("sns").create_topic(Name="alarms")["TopicArn"]
    os.environ.update(GUEST_ROLE_PATH=path, PAUSE_POLICY_ARN=policy, ALARM_TOPIC_ARN=topic, STACK_NAME="beer-prod",
                      RESUME_COMMAND="aws lambda invoke ... resume")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import index
    results = []
    for event in steps:
        try:
            answer = index.handler(event, None)
        except Exception as error:
            answer = {"error": type(error).__name__}
        attached = {name: [p["PolicyName"] for p in iam.list_attached_role_policies(RoleName=name)["AttachedPolicies"]]
                    for name in ["beer-prod-guests", "beer-prod-guests-eu-west-1", "unrelated"]}
        results.append({"answer": answer, "attached": attached})
    print(json.dumps(results))
`;

interface Step {
  readonly answer: Record<string, unknown>;
  readonly attached: Record<string, string[]>;
}

function runBreaker(events: readonly unknown[]): Step[] {
  assert.equal(typeof code, 'string', 'CircuitBreakerFunction has inline code');
  writeFileSync(join(dir, 'index.py'), String(code));
  writeFileSync(join(dir, 'harness.py'), HARNESS);
  const run = spawnSync('python3', [join(dir, 'harness.py'), JSON.stringify(events)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.ifError(run.error);
  assert.equal(run.status, 0, `the harness failed (is moto installed? pip install 'moto[server]'):\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as Step[];
}

const alarm = (value: string) => ({
  alarmData: { alarmName: 'beer-prod-breaker-flood-0', state: { value, reason: 'Threshold Crossed' } },
});

describe("the circuit breaker's code", () => {
  const steps = runBreaker([
    alarm('OK'),
    alarm('ALARM'),
    alarm('ALARM'),
    { action: 'resume', reason: 'flood over' },
    { action: 'resume' },
    { action: 'shutdown' },
  ]);
  const paused = {
    'beer-prod-guests': ['intake-paused'],
    'beer-prod-guests-eu-west-1': ['intake-paused'],
    unrelated: [],
  };
  const running = { 'beer-prod-guests': [], 'beer-prod-guests-eu-west-1': [], unrelated: [] };

  test('leaves intake alone when the alarm goes back to OK', () => {
    assert.equal(steps[0]?.answer.intake, 'unchanged');
    assert.deepEqual(steps[0]?.attached, running);
  });

  test('pauses every guest role under the path on an alarm, the regional one included, and no other role', () => {
    assert.deepEqual(steps[1]?.answer, { intake: 'PAUSED', roles: ['beer-prod-guests', 'beer-prod-guests-eu-west-1'] });
    assert.deepEqual(steps[1]?.attached, paused);
  });

  test('pauses idempotently when the alarm fires again', () => {
    assert.equal(steps[2]?.answer.intake, 'PAUSED');
    assert.deepEqual(steps[2]?.attached, paused);
  });

  test("resumes every guest role on an operator's resume, and resuming twice is harmless", () => {
    assert.equal(steps[3]?.answer.intake, 'RESUMED');
    assert.deepEqual(steps[3]?.attached, running);
    assert.equal(steps[4]?.answer.intake, 'RESUMED');
    assert.deepEqual(steps[4]?.attached, running);
  });

  test('refuses an unknown action and changes nothing', () => {
    assert.deepEqual(steps[5]?.answer, { error: 'ValueError' });
    assert.deepEqual(steps[5]?.attached, running);
  });
});
