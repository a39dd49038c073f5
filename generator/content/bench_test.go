package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clustersite/generator/config"
)

// BenchmarkLoad loads a directory of the size the product aims at: 10,000
// clusters with two full assessments each, from disk.
func BenchmarkLoad(b *testing.B) {
	root := b.TempDir()
	for i := range 10_000 {
		folder := filepath.Join(root, "content", "clusters", fmt.Sprintf("cluster-%d", i))
		if err := os.MkdirAll(folder, 0o755); err != nil {
			b.Fatal(err)
		}
		for j, date := range []string{"2019-07-25", "2021-07-20"} {
			src := strings.NewReplacer(`id = "qoot-cluster"`, fmt.Sprintf(`id = "cluster-%d"`, i),
				"2019-07-25", date, "2021-07-25", fmt.Sprintf("%d-07-25", 2021+2*j)).Replace(fullFile)
			if err := os.WriteFile(filepath.Join(folder, date+".toml"), []byte(src), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	fsys, cfg := os.DirFS(root), config.Default()
	for b.Loop() {
		dir, ps := Load(fsys, cfg, Options{})
		if len(ps) != 0 || len(dir.Clusters) != 10_000 {
			b.Fatalf("%d problems (%v), %d clusters", len(ps), ps[:min(len(ps), 3)], len(dir.Clusters))
		}
	}
}
