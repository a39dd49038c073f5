package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// assessment returns a minimal valid assessment file with the [cluster]
// lines given.
func assessment(cluster string) string {
	return "[cluster]\n" + cluster + "\ncountry = \"DE\"\n\n[assessment]\ndate = 2025-06-01\nlabel = \"bronze\"\n"
}

// buildSite runs build on a site folder into dest and returns the exit
// code and stderr.
func buildSite(t *testing.T, siteDir, dest string, extra ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append([]string{"build", "--site", siteDir, "--dest", dest}, extra...)
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stderr.String()
}

// assertNothingWritten checks that a failed build left no output folder and
// no staging folder beside it.
func assertNothingWritten(t *testing.T, dest string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		t.Errorf("a failed build wrote %s", e.Name())
	}
}

// TestPathLikeClusterIDsAreContentErrors: a cluster id becomes a folder of
// the output, so only slugs pass; anything that could name another folder
// fails the build with exit 1, before anything is written.
func TestPathLikeClusterIDsAreContentErrors(t *testing.T) {
	for _, id := range []string{"../x", "a/b", "..", ".", "%2e%2e", "..%2f..%2fetc", `a\b`, "x/../../y", "/etc", "A", "x--y", "-x", "x_y", "x y", "x\u0000"} {
		t.Run(id, func(t *testing.T) {
			siteDir := t.TempDir()
			writeSiteFiles(t, siteDir, map[string]string{"content/clusters/x/2025-06-01.toml": assessment("id = " + tomlString(id) + "\nname = \"X\"")})
			dest := filepath.Join(t.TempDir(), "public")
			code, stderr := buildSite(t, siteDir, dest)
			if code != exitContent || !strings.Contains(stderr, "content/clusters/x/2025-06-01.toml:2:1: error: cluster.id: ") {
				t.Errorf("exit %d, stderr:\n%s", code, stderr)
			}
			assertNothingWritten(t, dest)
		})
	}
}

// TestNamesBecomeSlugsInsideTheSite: without an id, the name's slug is the
// folder; a name that looks like a path only gives letters and '-'.
func TestNamesBecomeSlugsInsideTheSite(t *testing.T) {
	siteDir := t.TempDir()
	writeSiteFiles(t, siteDir, map[string]string{
		"config.toml":                        "today = 2026-11-28\n",
		"content/clusters/a/2025-06-01.toml": assessment(`name = "../../../etc/passwd"`),
		"content/clusters/b/2025-06-01.toml": assessment(`name = "%2e%2e%2f..\\..\\config.toml"`),
	})
	dest := filepath.Join(t.TempDir(), "public")
	if code, stderr := buildSite(t, siteDir, dest); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files := readTree(t, dest)
	for _, want := range []string{"clusters/etc-passwd/index.html", "clusters/2e-2e-2f-config-toml/index.html"} {
		if files[want] == nil {
			t.Errorf("no %s; clusters: %v", want, clusterFolders(files))
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("the build wrote beside --dest: %v", entries)
	}
}

func clusterFolders(files map[string][]byte) []string {
	var out []string
	for name := range files {
		if strings.HasPrefix(name, "clusters/") && strings.Count(name, "/") == 2 {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// TestPortfolioNamesWithoutAPageAreConfigErrors: a portfolio made only of
// punctuation used to get the page "portfolios//", which is the list of
// all portfolios, and two names with the same slug shared one page; both
// now fail the build with exit 1 and write nothing.
func TestPortfolioNamesWithoutAPageAreConfigErrors(t *testing.T) {
	for _, tc := range []struct{ other, want string }{
		{"!!!", `config.toml:0:0: error: portfolios: portfolio "!!!" has no Latin letters or digits to make the address of its page from`},
		{"ict.", `config.toml:0:0: error: portfolios: portfolios "ICT" and "ict." would share the page portfolios/ict/`},
	} {
		siteDir := t.TempDir()
		writeSiteFiles(t, siteDir, map[string]string{
			"config.toml":                        "today = 2026-11-28\nportfolios = [\"ICT\", " + tomlString(tc.other) + "]\n",
			"content/clusters/a/2025-06-01.toml": assessment("name = \"Alpha\"\nportfolio = \"ICT\""),
			"content/clusters/b/2025-06-01.toml": assessment("name = \"Beta\"\nportfolio = " + tomlString(tc.other)),
		})
		dest := filepath.Join(t.TempDir(), "public")
		code, stderr := buildSite(t, siteDir, dest)
		if code != exitContent || !strings.Contains(stderr, tc.want) {
			t.Errorf("portfolio %q: exit %d, stderr:\n%s", tc.other, code, stderr)
		}
		assertNothingWritten(t, dest)
	}
}

// TestSymbolicLinksOutOfTheSiteFailTheBuild puts, on disk, a link to a file
// outside the site and a link to a folder outside it into content/. The
// build reads neither: exit 1, each link named, nothing written.
func TestSymbolicLinksOutOfTheSiteFailTheBuild(t *testing.T) {
	root := t.TempDir()
	siteDir := filepath.Join(root, "site")
	secret := filepath.Join(root, "secret")
	writeSiteFiles(t, root, map[string]string{
		"secret/2025-06-01.toml":                  assessment(`name = "Secret outside the site"`),
		"site/config.toml":                        "today = 2026-11-28\n",
		"site/content/clusters/a/2025-06-01.toml": assessment(`name = "Alpha"`),
	})
	for link, target := range map[string]string{
		"content/clusters/b.toml": filepath.Join(secret, "2025-06-01.toml"),
		"content/clusters/c":      secret,
		"content/clusters/d.toml": "../../../secret/2025-06-01.toml",
	} {
		if err := os.Symlink(target, filepath.Join(siteDir, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	code, stderr := buildSite(t, siteDir, dest)
	for _, link := range []string{"content/clusters/b.toml", "content/clusters/c", "content/clusters/d.toml"} {
		if !strings.Contains(stderr, link+":0:0: error: symbolic links are not allowed in content/") {
			t.Errorf("stderr does not name %s:\n%s", link, stderr)
		}
	}
	if code != exitContent || strings.Contains(stderr, "Secret") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	assertNothingWritten(t, dest)
}

// TestWebsiteOnlyHTTPAndHTTPS: a website is written into href attributes
// and JSON-LD; anything but an absolute http or https URL fails the build.
func TestWebsiteOnlyHTTPAndHTTPS(t *testing.T) {
	for _, website := range []string{"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
		"java\tscript:alert(1)", "javascript://example.org/%0Aalert(1)", "data:text/html,<script>alert(1)</script>",
		"vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/", "/relative/path", "relative.html", "example.org",
		"mailto:x@example.org", "https:/example.org", "https://", "https://exa\u202Emple.org/"} {
		siteDir := t.TempDir()
		writeSiteFiles(t, siteDir, map[string]string{
			"content/clusters/a/2025-06-01.toml": assessment("name = \"Alpha\"\nwebsite = " + tomlString(website)),
		})
		dest := filepath.Join(t.TempDir(), "public")
		code, stderr := buildSite(t, siteDir, dest)
		if code != exitContent || !strings.Contains(stderr, "content/clusters/a/2025-06-01.toml:3:1: error: cluster.website: ") {
			t.Errorf("website %q: exit %d, stderr:\n%s", website, code, stderr)
		}
		assertNothingWritten(t, dest)
	}
	siteDir := t.TempDir()
	writeSiteFiles(t, siteDir, map[string]string{
		"content/clusters/a/2025-06-01.toml": assessment("name = \"Alpha\"\nwebsite = \"HTTPS://Example.org/a?b=c#d\""),
	})
	if code, stderr := buildSite(t, siteDir, filepath.Join(t.TempDir(), "public")); code != 0 {
		t.Errorf("an https website fails: %s", stderr)
	}
}

// TestSymbolicLinksOutOfTheSiteAreNeverRead: a pull request can add
// symbolic links anywhere in the site folder, not only in content/. Links
// that lead out of the folder (the content, assets or templates folder
// itself, a catalogue, config.toml) must fail the build rather than put
// another folder's files into the output.
func TestSymbolicLinksOutOfTheSiteAreNeverRead(t *testing.T) {
	for _, tc := range []struct{ link, target string }{
		{"assets", "outside/assets"},
		{"templates", "outside/templates"},
		{"templates/i18n/en.toml", "outside/en.toml"},
		{"config.toml", "outside/config.toml"},
		{"content", "outside/content"},
		{"content/clusters", "outside/content/clusters"},
	} {
		t.Run(tc.link, func(t *testing.T) {
			root := t.TempDir()
			siteDir := filepath.Join(root, "site")
			writeSiteFiles(t, root, map[string]string{
				"outside/assets/secret.txt":               "SECRET-ASSET",
				"outside/templates/404.html":              `{{define "main"}}SECRET-TEMPLATE{{end}}`,
				"outside/en.toml":                         "\"Directory\" = \"SECRET-CATALOGUE\"\n",
				"outside/config.toml":                     "title = \"SECRET-CONFIG\"\ntoday = 2026-11-28\n",
				"outside/content/clusters/s.toml":         assessment(`name = "SECRET-CONTENT"`),
				"site/content/clusters/a/2025-06-01.toml": assessment(`name = "Alpha"`),
			})
			if tc.link != "config.toml" {
				writeSiteFiles(t, siteDir, map[string]string{"config.toml": "today = 2026-11-28\n"})
			}
			link := filepath.Join(siteDir, filepath.FromSlash(tc.link))
			if err := os.RemoveAll(link); err != nil {
				t.Fatal(err)
			}
			os.MkdirAll(filepath.Dir(link), 0o755)
			rel, _ := filepath.Rel(filepath.Dir(link), filepath.Join(root, filepath.FromSlash(tc.target)))
			if err := os.Symlink(rel, link); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			dest := filepath.Join(t.TempDir(), "public")
			code, stderr := buildSite(t, siteDir, dest)
			if code == 0 {
				t.Errorf("the build read a link out of the site folder and succeeded")
			}
			for name, data := range readTreeIfAny(t, dest) {
				if bytes.Contains(data, []byte("SECRET")) {
					t.Errorf("%s holds a file from outside the site folder", name)
				}
			}
			if strings.Contains(stderr, "SECRET") {
				t.Errorf("stderr shows a file from outside the site folder:\n%s", stderr)
			}
			t.Logf("exit %d: %s", code, strings.TrimSpace(stderr))
		})
	}
}

// readTreeIfAny is readTree of a folder that may not exist.
func readTreeIfAny(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	return readTree(t, dir)
}
