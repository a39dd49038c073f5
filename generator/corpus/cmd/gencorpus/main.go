// Command gencorpus writes a synthetic site folder for benchmarks and
// manual tests:
//
//	go run ./generator/corpus/cmd/gencorpus -n 10000 -seed 1 -out /tmp/corpus10k
//
// The folder must be empty or not exist. Build it with
// go run . build --site /tmp/corpus10k.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"clustersite/generator/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of clusters")
	seed := flag.Int64("seed", 1, "random seed: the same seed gives the same files")
	profile := flag.Float64("profile", corpus.DefaultProfileShare, "share of assessments with publish = \"profile\", from 0 to 1")
	out := flag.String("out", "", "site folder to write (must be empty or not exist)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: gencorpus -n 10000 -seed 1 -out /tmp/corpus10k [-profile 0.25]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	files, err := corpus.Write(*out, corpus.Options{Clusters: *n, Seed: *seed, ProfileShare: *profile})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("gencorpus: %d clusters, %d assessment files in %s (%s)\n", *n, files, *out, time.Since(start).Round(time.Millisecond))
}
