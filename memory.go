package main

import (
	"context"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Go's default pacing (GOGC=100) lets the heap grow to twice the live heap
// before it collects, and further while a collection runs. A build of
// 10,000 clusters keeps about 155 MB live and so peaked at 430 MB resident.
// A soft memory limit makes the collector start earlier when memory gets
// close to it: at 350 MiB the same build peaks at 367 MB resident, in about
// the same processor time (README, "Performance").
//
// A fixed limit would punish a site whose live heap comes near it: the
// collector would run without pause. So the limit follows the live heap,
// never below twice of it, which is what GOGC=100 allows anyway; above
// about 175 MB live the limit no longer binds and Go's default pacing
// is left to do its work. GOMEMLIMIT, when set, wins.

// memoryFloor is the soft memory limit for sites whose live heap is small
// enough.
const memoryFloor = 350 << 20

// memoryLimit is the soft limit for a live heap of live bytes.
func memoryLimit(live uint64) int64 {
	if live >= math.MaxInt64/2 {
		return math.MaxInt64
	}
	return max(memoryFloor, 2*int64(live))
}

// limitMemory keeps the soft memory limit at memoryLimit of the live heap,
// unless GOMEMLIMIT is set, until the returned function is called, which
// puts the previous limit back. The live heap is known after each
// collection; it is read every 50 ms.
func limitMemory() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	previous := debug.SetMemoryLimit(memoryFloor)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				metrics.Read(sample)
				if sample[0].Value.Kind() == metrics.KindUint64 {
					debug.SetMemoryLimit(memoryLimit(sample[0].Value.Uint64()))
				}
			}
		}
	}()
	return func() {
		cancel()
		<-done
		debug.SetMemoryLimit(previous)
	}
}
