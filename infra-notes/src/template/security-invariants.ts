// The security model as executable checks (SECURITY.md explains each): run on the expanded template, every check
// returns the places where the template breaks an invariant.
import type { CfnTemplate } from './cfn-yaml.js';
import { checkCircuitBreaker } from './invariants/circuit-breaker.js';
import { checkDataAccess } from './invariants/data-access.js';
import { checkEdge } from './invariants/edge.js';
import { checkIdentity } from './invariants/identity.js';
import { checkLogsAndRetention } from './invariants/logs-and-retention.js';
import { checkOperations } from './invariants/operations.js';
import { checkStorage } from './invariants/storage.js';
import { checkTransform } from './invariants/transform.js';
import type { TemplateIssue } from './template-issue.js';

/**
 * Runs the identity, storage, edge, operations, server-side-check (transform), circuit-breaker, data-access and
 * logs-and-retention invariants.
 */
export function checkSecurityInvariants(template: CfnTemplate): TemplateIssue[] {
  return [
    ...checkIdentity(template),
    ...checkStorage(template),
    ...checkEdge(template),
    ...checkOperations(template),
    ...checkTransform(template),
    ...checkCircuitBreaker(template),
    ...checkDataAccess(template),
    ...checkLogsAndRetention(template),
  ];
}
