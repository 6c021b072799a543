// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// The page's front door: HTTPS-only CloudFront with a DNS-validated certificate, HTTP/2+3, compression, the CSP the
// widget runs under, a private origin, and a WAF web ACL with the managed rule groups and a rate rule.
import { type CfnTemplate, isObject } from '../cfn-yaml.js';
import type { TemplateIssue } from '../template-issue.js';
import { asList, get, literalText, referencedId, resourcesOfType } from '../template-model.js';

/** Directives the widget's page needs, with the sources each must list (`<region>` stands for the stack's region). */
export const REQUIRED_CSP: Readonly<Record<string, readonly string[]>> = {
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'connect-src': ['https://cognito-identity.<region>.amazonaws.com', 'https://firehose.<region>.amazonaws.com'],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'];
const MODERN_TLS = new Set(['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025']);

/** Parses a CSP header value into directive → sources, with `${AWS::Region}` read as `<region>`. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.replaceAll('${AWS::Region}', '<region>').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Checks the WAF web ACL, the distribution, its headers policy and certificate, and the deploy-region rule. */
export function checkEdge(template: CfnTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const acls = resourcesOfType(template, 'AWS::WAFv2::WebACL');
  for (const acl of acls) {
    const path = `Resources.${acl.id}.Properties`;
    if (acl.properties.Scope !== 'CLOUDFRONT') issues.push({ path, message: 'the web ACL must be CLOUDFRONT-scoped' });
    const rules = asList(acl.properties.Rules);
    for (const name of MANAGED_RULE_GROUPS) {
      const rule = rules.find((r) => get(r, 'Statement', 'ManagedRuleGroupStatement', 'Name') === name);
      if (!rule || get(rule, 'Statement', 'ManagedRuleGroupStatement', 'VendorName') !== 'AWS') {
        issues.push({ path, message: `the AWS managed rule group ${name} is missing` });
      } else if (!isObject(get(rule, 'OverrideAction', 'None'))) {
        issues.push({ path, message: `${name} must block (OverrideAction None), not only count` });
      }
    }
    const rateRule = rules.find((r) => isObject(get(r, 'Statement', 'RateBasedStatement')));
    if (!rateRule || !isObject(get(rateRule, 'Action', 'Block'))) {
      issues.push({ path, message: 'a blocking rate-based rule is missing' });
    }
  }

  const distributions = resourcesOfType(template, 'AWS::CloudFront::Distribution');
  if (distributions.length !== 1) issues.push({ path: 'Resources', message: 'expected one CloudFront distribution' });
  for (const distribution of distributions) {
    const path = `Resources.${distribution.id}.Properties.DistributionConfig`;
    const config = distribution.properties.DistributionConfig;
    const fail = (message: string) => issues.push({ path, message });
    if (!acls.some((acl) => referencedId(get(config, 'WebACLId')) === acl.id))
      fail('the distribution needs the web ACL');
    if (get(config, 'HttpVersion') !== 'http2and3') fail('HTTP/2 and HTTP/3 must be on (http2and3)');
    const certificate = get(config, 'ViewerCertificate');
    if (!MODERN_TLS.has(String(get(certificate, 'MinimumProtocolVersion')))) fail('TLS 1.2 (2021 policy) or newer');
    if (get(certificate, 'SslSupportMethod') !== 'sni-only') fail('SNI-only certificate (no dedicated IP cost)');
    const certificateId = referencedId(get(certificate, 'AcmCertificateArn'));
    const acm = certificateId ? template.Resources[certificateId] : undefined;
    if (acm?.Type !== 'AWS::CertificateManager::Certificate' || acm.Properties?.ValidationMethod !== 'DNS') {
      fail('an ACM certificate of this stack, validated through DNS');
    }
    const behaviors = [get(config, 'DefaultCacheBehavior'), ...asList(get(config, 'CacheBehaviors'))];
    for (const behavior of behaviors) {
      const policy = get(behavior, 'ViewerProtocolPolicy');
      if (policy !== 'redirect-to-https' && policy !== 'https-only') fail('every cache behavior must be HTTPS-only');
      if (get(behavior, 'Compress') !== true) fail('compression must be on for every cache behavior');
      issues.push(...checkHeadersPolicy(template, referencedId(get(behavior, 'ResponseHeadersPolicyId')), path));
    }
    for (const origin of asList(get(config, 'Origins'))) {
      if (!get(origin, 'OriginAccessControlId') || get(origin, 'S3OriginConfig', 'OriginAccessIdentity')) {
        fail('the S3 origin must use Origin Access Control (and no legacy OAI)');
      }
    }
  }

  const regionRule = Object.values(template.Rules ?? {}).some((rule) =>
    asList(get(rule, 'Assertions')).some((assertion) => {
      const equals = get(assertion, 'Assert', 'Fn::Equals');
      return (
        Array.isArray(equals) && equals.some((x) => get(x, 'Ref') === 'AWS::Region') && equals.includes('us-east-1')
      );
    }),
  );
  if (!regionRule)
    issues.push({ path: 'Rules', message: 'a rule must pin the stack to us-east-1 (ACM + CloudFront WAF)' });
  return issues;
}

function checkHeadersPolicy(template: CfnTemplate, policyId: string | undefined, path: string): TemplateIssue[] {
  const policy = policyId ? template.Resources[policyId] : undefined;
  if (policy?.Type !== 'AWS::CloudFront::ResponseHeadersPolicy') {
    return [{ path, message: 'every cache behavior needs the security headers policy' }];
  }
  const issues: TemplateIssue[] = [];
  const headers = get(policy.Properties, 'ResponseHeadersPolicyConfig', 'SecurityHeadersConfig');
  if (get(headers, 'StrictTransportSecurity', 'AccessControlMaxAgeSec') === undefined) {
    issues.push({ path: `Resources.${policyId}`, message: 'HSTS is missing' });
  }
  const csp = literalText(get(headers, 'ContentSecurityPolicy', 'ContentSecurityPolicy'));
  if (!csp) return [...issues, { path: `Resources.${policyId}`, message: 'the Content-Security-Policy is missing' }];
  const directives = parseCsp(csp);
  for (const [directive, required] of Object.entries(REQUIRED_CSP)) {
    const sources = directives.get(directive) ?? [];
    const exact = directive !== 'connect-src';
    const ok = exact
      ? sources.length === required.length && required.every((s) => sources.includes(s))
      : required.every((s) => sources.includes(s));
    if (!ok) issues.push({ path: `Resources.${policyId}`, message: `CSP ${directive} must be ${required.join(' ')}` });
  }
  if (/'unsafe-(inline|eval)'|\*/.test(csp)) {
    issues.push({ path: `Resources.${policyId}`, message: "CSP must not allow 'unsafe-inline', 'unsafe-eval' or *" });
  }
  return issues;
}
