#!/usr/bin/env python3
"""Makes a corpus with gen_corpus.py unless the generator already finished it.

    bench/fresh_corpus.py OUT [gen_corpus.py options...]

A corpus is finished when its .complete file holds the generator's stamp, the md5 of
gen_corpus.py and gen_rules.py. Otherwise OUT is removed, made again with the options
given, and stamped once it is done: a corpus is never used half made or by an older
generator. bench/run, bench/instructions and benches/scans.rs make their corpora this way.
"""

import hashlib
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def generator_stamp():
    digest = hashlib.md5()
    for name in ("gen_corpus.py", "gen_rules.py"):
        with open(os.path.join(HERE, name), "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


def stamp_in(corpus):
    """The stamp a corpus was finished with (None if it was not)."""
    try:
        with open(os.path.join(corpus, ".complete")) as f:
            return f.read().strip()
    except OSError:
        return None


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__.strip().splitlines()[2].strip())
    out, options = sys.argv[1], sys.argv[2:]
    stamp = generator_stamp()
    if stamp_in(out) == stamp:
        return 0
    shutil.rmtree(out, ignore_errors=True)
    print(f"generating {out}", file=sys.stderr)
    gen = os.path.join(HERE, "gen_corpus.py")
    done = subprocess.run([sys.executable, gen, out, *options], stdout=sys.stderr)
    if done.returncode != 0:
        return done.returncode
    with open(os.path.join(out, ".complete"), "w") as f:
        f.write(stamp + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
