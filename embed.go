package main

import "embed"

// themeFS is the default theme: templates/ and assets/ of this repository,
// built into the binary. A site's own templates/ and assets/ override it
// file by file. The all: prefix keeps files whose names start with "_"
// (template partials).
//
//go:embed all:templates all:assets
var themeFS embed.FS
