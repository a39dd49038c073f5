package main

// End-to-end tests of the editors' commands: serve, check and new.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestBuildOutputHasNoReloadScript(t *testing.T) {
	for name, data := range readTree(t, buildSample(t)) {
		for _, s := range []string{"_clustersite", "EventSource", "reload.js"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s contains %q: the live-reload script belongs to serve only", name, s)
			}
		}
	}
}

// TestServeCommandServesTheSampleAndStops runs `serve` as `go run . serve`
// does, on a free port, and stops it as Ctrl-C does.
func TestServeCommandServesTheSampleAndStops(t *testing.T) {
	_, publicBefore := os.Stat("public")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, outW := io.Pipe()
	var errs bytes.Buffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, outW, &errs)
		outW.Close()
	}()
	lines := bufio.NewScanner(out)
	url := ""
	for url == "" && lines.Scan() {
		if m := regexp.MustCompile(`serving \. at (http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(lines.Text()); m != nil {
			url = m[1]
		}
	}
	if url == "" {
		t.Fatalf("serve printed no address; stderr: %s", &errs)
	}
	go io.Copy(io.Discard, out)
	for _, page := range []string{"", "clusters/qoot-cluster/2019-07-25/"} {
		resp, err := http.Get(url + page)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte("European Cluster Excellence Directory (sample)")) ||
			!bytes.Contains(body, []byte(`<script src="/_clustersite/reload.js"`)) {
			t.Errorf("GET /%s: %d\n%.300s", page, resp.StatusCode, body)
		}
	}
	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("serve exit %d after Ctrl-C; stderr: %s", code, &errs)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after Ctrl-C")
	}
	if _, after := os.Stat("public"); errors.Is(publicBefore, fs.ErrNotExist) && !errors.Is(after, fs.ErrNotExist) {
		t.Error("serve wrote public/ without --dest")
	}
}

// TestCheckFormatsGolden pins the bytes of the three formats for a site
// with errors and a site with warnings only. Run
// go test -run TestCheckFormatsGolden -update . after an intended change.
func TestCheckFormatsGolden(t *testing.T) {
	for _, site := range []struct {
		name string
		exit int
	}{{"broken", 1}, {"warnings", 0}} {
		for format, ext := range map[string]string{"text": "txt", "json": "jsonl", "github": "github"} {
			var out, errs bytes.Buffer
			code := run(context.Background(), []string{"check", "--site", "testdata/check/" + site.name, "--format", format}, &out, &errs)
			if code != site.exit {
				t.Errorf("%s, %s: exit %d, want %d; stderr: %s", site.name, format, code, site.exit, &errs)
			}
			golden := filepath.Join("testdata", "golden", "check-"+site.name+"."+ext)
			if *update {
				os.WriteFile(golden, out.Bytes(), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("check --format %s of %s differs from %s; rerun with -update if intended.\n%s",
					format, site.name, golden, firstDiff(out.Bytes(), want))
			}
		}
	}
}

func TestCheckExpiringListsSoonestFirst(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"check", "--site", "testdata/check/warnings", "--expiring", "10w"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, &errs)
	}
	want := "ID                   NAME                   LABEL   VALID UNTIL  DAYS LEFT\n" +
		"soon-cluster         Soon Cluster           gold    2026-12-20   22\n" +
		"100-digital-cluster  100% Digital, Cluster  bronze  2027-01-31   64\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", &out, want)
	}
	for _, args := range [][]string{
		{"check", "--site", "testdata/check/warnings", "--expiring", "soon"},
		{"check", "--site", "testdata/check/warnings", "--expiring", "90d", "--format", "github"},
		{"check", "--format", "xml"},
	} {
		if code := run(context.Background(), args, io.Discard, io.Discard); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

// copySample copies the sample's config and content into a fresh folder.
func copySample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("content")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestNewScaffoldRoundTripsThroughCheck writes a new assessment into a copy
// of the sample and checks it: the only problem of the new file is the
// warning about its unreported indicators.
func TestNewScaffoldRoundTripsThroughCheck(t *testing.T) {
	site := copySample(t)
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"new", "Nordic Test Cluster", "--country", "NO", "--date", "2026-11-20", "--site", site}, &out, &errs)
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, &errs)
	}
	rel := "content/clusters/nordic-test-cluster/2026-11-20.toml"
	if !strings.Contains(out.String(), filepath.FromSlash(rel)) {
		t.Errorf("new did not say where it wrote: %s", &out)
	}
	out.Reset()
	if code := run(context.Background(), []string{"check", "--site", site, "--format", "json"}, &out, &errs); code != 0 {
		t.Fatalf("check: exit %d: %s", code, &out)
	}
	var ofNew []string
	for line := range strings.SplitSeq(strings.TrimSpace(out.String()), "\n") {
		var p struct{ Path, Severity, Field, Message string }
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("not a JSON line: %s", line)
		}
		if strings.HasSuffix(p.Path, rel) {
			ofNew = append(ofNew, p.Severity+" "+p.Field+": "+p.Message)
		}
	}
	if len(ofNew) != 1 || !strings.HasPrefix(ofNew[0], "warning indicators: 36 of 36 indicators not reported") {
		t.Errorf("problems of the new file: %q, want only the missing-value warning", ofNew)
	}
}

func TestNewCopiesTheProfileOfAnExistingCluster(t *testing.T) {
	site := copySample(t)
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"new", "--cluster", "qoot-cluster", "--date", "2026-11-20", "--label", "silver", "--site", site}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, &errs)
	}
	data, err := os.ReadFile(filepath.Join(site, "content", "clusters", "qoot-cluster", "2026-11-20.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id = "qoot-cluster"`, `name = "Qoot Cluster"`, `country = "JO"`, `region = "Amman"`,
		`portfolio = "Food industry"`, `founded = 2016`, `label = "silver"`, "# participants =\n"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("new assessment lacks %q", want)
		}
	}
}

func TestNewRefusesAndSaysWhy(t *testing.T) {
	site := copySample(t)
	taken := filepath.Join(site, "content", "clusters", "taken-cluster", "2026-11-20.toml")
	os.MkdirAll(filepath.Dir(taken), 0o755)
	os.WriteFile(taken, []byte("half-written by hand"), 0o644)
	for _, tc := range []struct {
		args []string
		exit int
		says string
	}{
		{[]string{"new", "Taken Cluster", "--country", "DE", "--date", "2026-11-20"}, 1, "exists already"},
		{[]string{"new", "Nowhere Cluster", "--country", "XX"}, 2, `--country: "XX" is not an ISO 3166-1 alpha-2 country code`},
		{[]string{"new", "Nowhere Cluster", "--country", "UK"}, 2, "did you mean GB?"},
		{[]string{"new", "Nowhere", "Cluster", "--country", "DE"}, 2, "put the name in quotes"},
		{[]string{"new", "--country", "DE"}, 2, "name is required"},
		{[]string{"new", "Qoot Cluster", "--country", "JO"}, 2, "--cluster qoot-cluster"},
		{[]string{"new", "--cluster", "qoot-cluster", "--date", "2019-07-25"}, 2, "already has an assessment on 2019-07-25"},
		{[]string{"new", "Nowhere Cluster", "--country", "DE", "--date", "2026-02-30"}, 2, "--date"},
		{[]string{"new", "Nowhere Cluster", "--country", "DE", "--label", "platinum"}, 2, "--label"},
	} {
		var errs bytes.Buffer
		code := run(context.Background(), append(tc.args, "--site", site), io.Discard, &errs)
		if code != tc.exit || !strings.Contains(errs.String(), tc.says) {
			t.Errorf("%q: exit %d, %q; want exit %d saying %q", tc.args, code, errs.String(), tc.exit, tc.says)
		}
	}
	if data, _ := os.ReadFile(taken); string(data) != "half-written by hand" {
		t.Error("new replaced an existing file")
	}
	if _, err := os.Stat(filepath.Join(site, "content", "clusters", "nowhere-cluster")); err == nil {
		t.Error("a refused new left a folder behind")
	}
}
