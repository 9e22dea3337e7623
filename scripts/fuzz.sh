#!/usr/bin/env bash
# Fuzzes the content model with cargo-fuzz (libFuzzer, nightly): JSON
# parsing of every content file type, Markdown articles (read, then written
# back), URL sanitising, and the search's cutting of text into words
# (Chinese among every script). Not part of CI.
#
#   scripts/fuzz.sh [runs per target]      (default 10,000,000)
#
# Seeds come from content/; crashes would land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000000}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

mkdir -p fuzz/corpus/parse_content fuzz/corpus/sanitize_url fuzz/corpus/parse_markdown fuzz/corpus/tokenize
cp content/site.json content/articles/*.json fuzz/corpus/parse_content/
cp content/articles/*.md content/articles/zh/*.md fuzz/corpus/parse_markdown/
cp content/articles/zh/*.md fuzz/corpus/tokenize/
printf '%s' '上海理工大学 USST ２０２０ 5G实验室 Ｅｌｉｓｅ café 𠮷野家' > fuzz/corpus/tokenize/seed-mixed
i=0
for seed in 'https://en.usst.edu.cn/' 'mailto:news@usst.edu.cn' '/news/a' 'content/images/a.svg' \
  'javascript:alert(1)' 'java	script:x' '//evil.example' 'jav&#x09;ascript:x' 'data:text/html,x'; do
  printf '%s' "$seed" > "fuzz/corpus/sanitize_url/seed-$i"
  i=$((i + 1))
done

for target in ${FUZZ_TARGETS:-sanitize_url parse_content parse_markdown tokenize}; do
  echo "==> $target: $runs runs"
  # No unsafe code to watch, so no sanitizer: more executions per second.
  cargo +nightly fuzz run --sanitizer none "$target" "fuzz/corpus/$target" -- \
    -runs="$runs" -print_final_stats=1 2>&1 | grep -E 'stat::number_of_executed_units|Done|crash|panicked|ERROR' || true
done
crashes=$(find fuzz/artifacts -type f 2>/dev/null | wc -l)
echo "crashes: $crashes"
[ "$crashes" -eq 0 ]
