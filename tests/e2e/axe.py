"""Accessibility checks with axe-core (installed from npm by the set-up), WCAG 2.1 AA."""

from pathlib import Path

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG22_TAGS = [*WCAG_TAGS, "wcag22a", "wcag22aa"]


def axe_violations(page, tags=None):
    # Evaluated through the DevTools protocol: the site's Content-Security-Policy forbids
    # inline scripts, so a <script> tag added to the page would be blocked.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags or WCAG_TAGS
    )
    return result["violations"]


def assert_accessible(page, tags=None):
    """Fail with a readable list when the page has any WCAG 2.1 A/AA violation (`tags`:
    other axe tags, e.g. WCAG22_TAGS)."""
    violations = axe_violations(page, tags)
    if violations:
        lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"][:5]:
                lines.append(f"    {node['target']}: {node['failureSummary']}")
        raise AssertionError("\n".join(lines))
