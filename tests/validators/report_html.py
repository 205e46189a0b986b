#!/usr/bin/python3
"""Renders Bulwark's HTML compliance report in headless Chromium (Debian's `chromium`) and checks
the page as the browser built it (--dump-dom): every control of the framework is there, the
summary cards show the numbers of the JSON report, the status chart is an SVG with one bar group
per family, and nothing was fetched from outside the page. Then takes a screenshot.

Usage: report_html.py BULWARK_BINARY SOURCE_DIR [SCREENSHOT.png]
With SCREENSHOT, the demo's PCI DSS report screenshot is written there (docs/images).
Without chromium: fails in CI (CI=true), skips elsewhere (exit 77, CTest's SKIP_RETURN_CODE)."""

import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


class Dom(html.parser.HTMLParser):
    """What the checks need from the rendered DOM."""

    def __init__(self):
        super().__init__()
        self.rows = []          # data-control of the controls table rows
        self.cards = {}         # data-status -> count text
        self.chart_groups = 0   # <g class="family"> inside #family-chart
        self.chart_rects = 0
        self.external = []      # src/href that leave the page
        self._in_chart = False
        self._card = None
        self._in_count = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if key in a and a[key] and not a[key].startswith("#"):
                self.external.append(a[key])
        if tag == "link" or tag == "script":
            self.external.append(tag)
        if tag == "tr" and "control-row" in (a.get("class") or ""):
            self.rows.append(a.get("data-control"))
        if tag == "figure" and a.get("id") == "family-chart":
            self._in_chart = True
        if self._in_chart and tag == "g" and a.get("class") == "family":
            self.chart_groups += 1
        if self._in_chart and tag == "rect":
            self.chart_rects += 1
        if tag == "div" and "card" in (a.get("class") or ""):
            self._card = a.get("data-status")
        if tag == "span" and a.get("class") == "count" and self._card:
            self._in_count = True

    def handle_endtag(self, tag):
        if tag == "figure":
            self._in_chart = False
        if tag == "span":
            self._in_count = False
        if tag == "div":
            self._card = None

    def handle_data(self, data):
        if self._in_count and self._card:
            self.cards[self._card] = self.cards.get(self._card, "") + data


def main():
    bulwark, source_dir = sys.argv[1], sys.argv[2]
    screenshot_to = sys.argv[3] if len(sys.argv) > 3 else None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium is not installed; run scripts/setup --test (scripts/test does)")
        sys.exit(1 if os.environ.get("CI") == "true" else SKIP)
    os.chdir(source_dir)
    failures = []
    with tempfile.TemporaryDirectory() as work:
        for framework in ["pci-dss-4.0", "soc2", "gdpr", "hipaa", "nist-800-53-r5", "cis-aws-3.0"]:
            page = os.path.join(work, framework + ".html")
            base = [bulwark, "report", "fixtures/demo", "--root", "fixtures/demo",
                    "--framework", framework]
            subprocess.run(base + ["--format", "html", "-o", page], check=True)
            expected = json.loads(subprocess.run(base + ["--format", "json"], check=True,
                                                 capture_output=True, text=True).stdout)
            profile = tempfile.mkdtemp(dir=work)
            dom_text = subprocess.run(
                [chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                 "file://" + page], capture_output=True, text=True, timeout=120).stdout
            dom = Dom()
            dom.feed(dom_text)
            problems = []
            ids = [c["id"] for c in expected["controls"]]
            if dom.rows != ids:
                problems.append(f"controls table has {len(dom.rows)} rows, expected the "
                                f"{len(ids)} controls in order")
            for status, count in expected["summary"].items():
                if status == "total":
                    continue
                shown = dom.cards.get(status, "").strip()
                if shown != str(count):
                    problems.append(f"summary card '{status}' shows '{shown}', JSON says {count}")
            if dom.chart_groups != len(expected["families"]) or dom.chart_rects == 0:
                problems.append(f"chart has {dom.chart_groups} family bars and {dom.chart_rects} "
                                f"segments, expected {len(expected['families'])} families")
            if dom.external:
                problems.append(f"the page refers to outside resources: {dom.external[:5]}")
            print(f"{framework}: {len(dom.rows)} controls rendered, summary "
                  f"{ {k: v for k, v in expected['summary'].items()} }, "
                  f"{dom.chart_groups} families in the chart"
                  + ("" if not problems else f": {len(problems)} problems"))
            failures += [f"{framework}: {p}" for p in problems]

        # The screenshot: the demo's PCI DSS report as a reader first sees it.
        shot = os.path.join(work, "report.png")
        profile = tempfile.mkdtemp(dir=work)
        subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}",
                        "--window-size=1200,1500", "file://" + os.path.join(work, "pci-dss-4.0.html")],
                       capture_output=True, timeout=120)
        if not os.path.isfile(shot) or os.path.getsize(shot) < 10000:
            failures.append("chromium took no screenshot of the report")
        else:
            with open(shot, "rb") as f:
                if f.read(8) != b"\x89PNG\r\n\x1a\n":
                    failures.append("the screenshot is not a PNG")
            print(f"screenshot: {os.path.getsize(shot)} bytes")
            if screenshot_to:
                shutil.copyfile(shot, screenshot_to)
                print(f"screenshot written to {screenshot_to}")
    for failure in failures:
        print("FAIL", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
