#!/usr/bin/env python3
"""Mutated documents through `precis read`: no panic, no hang.

    python3 scripts/mutation-smoke.py --precis target/release/precis \
        --seconds 300 SEED_FILE_OR_DIR...

A quick stand-in for coverage-guided fuzzing (fuzz/, cargo-fuzz) where no
sanitizer build fits: each round takes a seed (PDF, DOCX, ODT, HTML...),
mutates it (bit flips, byte runs overwritten with 0x00/0xFF/random bytes,
truncation, a chunk duplicated or deleted, for zips a member's bytes
flipped inside the archive), writes a batch of 32 mutants to a temporary
folder and reads the folder with one `precis read` under a time limit.
Exit 0 or 1 (some files named as unreadable) is fine; anything else (101 is
a Rust panic, a signal, the time limit) is a finding: the mutant is kept in
--keep and the script exits 1. Mutants are seeded from --seed, so a run can
be repeated.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time


def seeds_of(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                out += [os.path.join(root, f) for f in sorted(files)]
        else:
            out.append(p)
    return [p for p in out if os.path.getsize(p) > 0]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        n = len(data)
        if n == 0:
            break
        at = rng.randrange(n)
        if kind == 0:  # bit flips
            for _ in range(rng.randint(1, 16)):
                i = rng.randrange(n)
                data[i] ^= 1 << rng.randrange(8)
        elif kind == 1:  # a run overwritten
            length = min(n - at, rng.randint(1, 64))
            fill = rng.choice([b"\x00", b"\xff", None])
            data[at:at + length] = (fill * length) if fill else bytes(rng.randrange(256) for _ in range(length))
        elif kind == 2:  # truncated
            del data[at:]
        elif kind == 3:  # a chunk duplicated
            length = min(n - at, rng.randint(1, 4096))
            data[at:at] = data[at:at + length]
        elif kind == 4:  # a chunk deleted
            del data[at:at + rng.randint(1, 4096)]
        else:  # digits changed (lengths, offsets, object numbers in PDFs)
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(n)
                if 48 <= data[i] <= 57:
                    data[i] = 48 + rng.randrange(10)
    return bytes(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seeds", nargs="+")
    ap.add_argument("--precis", default="target/release/precis")
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--limit", type=float, default=120, help="seconds per precis read of a batch")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default="mutation-findings")
    a = ap.parse_args()
    seeds = seeds_of(a.seeds)
    if not seeds:
        sys.exit("no seed files")
    rng = random.Random(a.seed)
    blobs = [(os.path.splitext(p)[1] or ".bin", open(p, "rb").read()) for p in seeds]
    end = time.time() + a.seconds
    rounds = mutants = 0
    findings = []
    while time.time() < end:
        work = tempfile.mkdtemp(prefix="precis-mutants-")
        try:
            for k in range(a.batch):
                ext, data = rng.choice(blobs)
                with open(os.path.join(work, f"m{k:03}{ext}"), "wb") as f:
                    f.write(mutate(data, rng))
            mutants += a.batch
            rounds += 1
            try:
                run = subprocess.run([a.precis, "read", work, "-q"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, timeout=a.limit)
                bad = run.returncode not in (0, 1)
                why = f"exit {run.returncode}: {run.stderr.decode(errors='replace')[-500:]}"
            except subprocess.TimeoutExpired:
                bad, why = True, f"no answer within {a.limit} s"
            if bad:
                dest = os.path.join(a.keep, f"round{rounds}")
                shutil.copytree(work, dest)
                findings.append((dest, why))
                print(f"finding: {dest}: {why}", file=sys.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{len(seeds)} seeds, {rounds} rounds, {mutants} mutants read in {a.seconds:.0f} s; "
          f"{len(findings)} findings")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
