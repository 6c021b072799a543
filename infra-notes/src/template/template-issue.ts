/** One problem found in a template: where (a JSON-ish path such as `Resources.DataBucket.Properties`) and what. */
export interface TemplateIssue {
  readonly path: string;
  readonly message: string;
}

/** Renders issues one per line, for assertion messages and the command line. */
export function formatIssues(issues: readonly TemplateIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}
