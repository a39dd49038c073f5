package sitecheck

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The checkers come from the npm packages pinned in tools/package.json
// (npm ci --prefix tools); Java from the system.
const (
	vnuJar = "node_modules/vnu-jar/build/dist/vnu.jar"
	axeJS  = "node_modules/axe-core/axe.min.js"
)

// Validator is the W3C Nu HTML Checker: the Java to run and its jar.
type Validator struct{ Java, Jar string }

// FindValidator looks up Java ($JAVA, else java on $PATH) and vnu.jar
// under toolsDir.
func FindValidator(toolsDir string) (Validator, error) {
	v := Validator{Java: os.Getenv("JAVA"), Jar: filepath.Join(toolsDir, vnuJar)}
	var missing []error
	if v.Java == "" {
		var err error
		if v.Java, err = exec.LookPath("java"); err != nil {
			missing = append(missing, errors.New("no java on $PATH (apt-get install default-jre-headless, or set $JAVA)"))
		}
	}
	if _, err := os.Stat(v.Jar); err != nil {
		missing = append(missing, fmt.Errorf("no %s (npm ci --ignore-scripts --prefix %s)", v.Jar, toolsDir))
	}
	return v, errors.Join(missing...)
}

// FindAxe returns the source of axe-core under toolsDir.
func FindAxe(toolsDir string) (string, error) {
	src, err := os.ReadFile(filepath.Join(toolsDir, axeJS))
	if err != nil {
		return "", fmt.Errorf("no axe-core: %w (npm ci --ignore-scripts --prefix %s)", err, toolsDir)
	}
	return string(src), nil
}

// NeedValidator returns the validator, or skips the test without it;
// with CI=true (CI installs the tools, see .ci/run) it fails the test.
func NeedValidator(t testing.TB, toolsDir string) Validator {
	t.Helper()
	v, err := FindValidator(toolsDir)
	if err != nil {
		missing(t, "the HTML validator", err)
	}
	return v
}

// NeedAxe returns the source of axe-core, or skips the test without it;
// with CI=true it fails the test.
func NeedAxe(t testing.TB, toolsDir string) string {
	t.Helper()
	src, err := FindAxe(toolsDir)
	if err != nil {
		missing(t, "axe-core", err)
	}
	return src
}

func missing(t testing.TB, what string, err error) {
	t.Helper()
	msg := fmt.Sprintf("this test needs %s: %v", what, err)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// Validate runs the Nu HTML Checker once over every HTML and CSS file of
// dir and returns its errors and warnings (check "html" or "css"; info
// messages left out), by file and position.
func (v Validator) Validate(ctx context.Context, dir string) ([]Finding, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, v.Java, "-jar", v.Jar, "--format", "json", "--stdout",
		"--skip-non-html", "--also-check-css", "--no-langdetect", abs)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// vnu exits 1 when it reports errors; the report says which.
	if err := cmd.Run(); err != nil && stdout.Len() == 0 {
		return nil, fmt.Errorf("vnu: %w\n%s", err, &stderr)
	}
	var report struct {
		Messages []struct {
			Type, SubType, URL, Message      string
			FirstLine, LastLine, FirstColumn int
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		return nil, fmt.Errorf("vnu: read report: %w\n%s", err, &stdout)
	}
	var out []Finding
	for _, m := range report.Messages {
		if m.Type == "info" && m.SubType != "warning" {
			continue
		}
		name := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), abs+"/")
		check := "html"
		if strings.HasSuffix(name, ".css") {
			check = "css"
		}
		severity := m.Type
		if m.SubType != "" {
			severity = m.SubType
		}
		line := m.FirstLine // given only when it differs from LastLine
		if line == 0 {
			line = m.LastLine
		}
		out = append(out, Finding{name, check, fmt.Sprintf("%d:%d: %s: %s", line, m.FirstColumn, severity, m.Message)})
	}
	return out, nil
}
