// Loaded first by csp.html (a classic script, so it runs before any module): records every Content-Security-Policy
// violation in the page for the test to read, and marks the page so the test knows the probe ran.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample || 'inline'}`);
});
