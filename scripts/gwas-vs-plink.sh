#!/usr/bin/env bash
# The federated association study beside PLINK 1.9 and bcftools on the same synthetic data, in the same run.
#
#   scripts/gwas-vs-plink.sh [REPETITIONS]      (default 3; run from the repository root)
#
# Data: 4 hospitals x 500 samples x 100,000 variants (2,000 samples; org.medfed.analytics.bench.GwasBenchmark
# generate), kept in target/gwas-bench/500x100000. PLINK gets the same genotypes pooled into one VCF (bcftools
# merge), the same phenotype, the same covariates (age, sex, one indicator per hospital after the first) and the same
# quality control (--mind 0.05 --geno 0.05 --maf 0.01 --hwe 1e-6), with --threads 2. Every measure is one process
# (JVM start included for ours), wall time by GNU time, but for the "again" rows: the same studies repeated in one
# JVM that has run them before (the workbench's case), timed by that JVM. Each repetition runs every command once,
# ours and the peers' interleaved, so that a busy machine weighs on both sides alike. The table gives min and median per command and the
# ratios of medians; the machine's load average is printed with it.
#
# Installs plink1.9 and bcftools from Debian when missing (with sudo when not root).
set -euo pipefail
REPS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BENCH=target/gwas-bench
DATA=$BENCH/500x100000
WORK=$BENCH/peers
TIMES=$BENCH/times.tsv

if ! command -v plink1.9 >/dev/null || ! command -v bcftools >/dev/null || [ ! -x /usr/bin/time ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq plink1.9 bcftools time >/dev/null
fi

if [ ! -f target/test-classpath.txt ] || [ ! -d target/test-classes/org/medfed/analytics/bench ]; then
    mvn -B -q -o test-compile
    mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
fi
[ -f target/medfed.jar ] && [ -f target/jvm-options ] || mvn -B -q -o -DskipTests package
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
# the harness generates the data and reads one VCF; the studies run through the program as a user starts it
# (README: `java @target/jvm-options -jar target/medfed.jar`), one JVM per study
HARNESS=(java @target/jvm-options -Xmx1g -cp "$CP" org.medfed.analytics.bench.GwasBenchmark --dir "$BENCH")
MEDFED=(java @target/jvm-options -jar target/medfed.jar)

"${HARNESS[@]}" generate >/dev/null
mkdir -p "$WORK"
HOSPITALS="hospital-a hospital-b hospital-c hospital-d"

# one study file per test, beside the data (the genotype cache of each is in <test>.runs/genotype-cache)
study() { # test, covariates (JSON list), adjustForSite
    cat > "$DATA/$1.json" <<JSON
{"schemaVersion": 1, "name": "GWAS benchmark, $1", "task": "association", "dataType": "genotypes",
 "participants": [$(for h in $HOSPITALS; do printf '{"name": "%s", "data": ["%s.vcf.gz", "%s-phenotypes.csv"]},' $h $h $h; done | sed 's/,$//')],
 "genotypes": {"phenotype": {"idColumn": "sample_id", "column": "disease", "kind": "binary", "covariates": $2},
               "association": {"test": "$1", "adjustForSite": $3, "significance": 5e-8}}}
JSON
}
study trend '[]' false
study allelic '[]' false
study logistic '["age", "sex"]' true
first() { # test: a first run parses every VCF, so its cache goes first
    rm -rf "$DATA/$1.runs/genotype-cache"
}

# the pooled data for PLINK: one VCF with every sample, plain and bgzipped (our hospitals read VCF.gz, so PLINK's
# import of the same compressed form is the like-for-like one; the plain file's import is measured beside it), and
# the sheets in PLINK's layout (case 2, control 1)
if [ ! -f "$WORK/pooled.vcf.gz" ]; then
    for h in $HOSPITALS; do bcftools index -f "$DATA/$h.vcf.gz"; done
    bcftools merge -Ov -o "$WORK/pooled.vcf" $(for h in $HOSPITALS; do echo "$DATA/$h.vcf.gz"; done)
    bcftools view -Oz -o "$WORK/pooled.vcf.gz" "$WORK/pooled.vcf"
    : > "$WORK/pheno.txt"
    echo "FID IID age sex hospital_b hospital_c hospital_d" > "$WORK/covar.txt"
    for h in $HOSPITALS; do
        b=0; c=0; d=0
        case $h in hospital-b) b=1 ;; hospital-c) c=1 ;; hospital-d) d=1 ;; esac
        tail -n +2 "$DATA/$h-phenotypes.csv" | tr -d '\r' | awk -F, -v b=$b -v c=$c -v d=$d -v P="$WORK/pheno.txt" '
            function v(x) { return (x == "" || x == "NA") ? -9 : x }
            { print $1, $1, ($2 == "NA" ? -9 : $2 + 1) >> P; print $1, $1, v($4), v($5), b, c, d }' >> "$WORK/covar.txt"
    done
fi

QC="--mind 0.05 --geno 0.05 --maf 0.01 --hwe 1e-6"
PLINK="plink1.9 --threads 2 --allow-no-sex --silent"
: > "$TIMES"
measure() { # name, command...
    local name=$1; shift
    /usr/bin/time -f "%e %U" -o "$WORK/time.txt" "$@" >"$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
    echo "$name $(cat "$WORK/time.txt")" >> "$TIMES"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for rep in $(seq "$REPS"); do
    echo "repetition $rep of $REPS (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    measure plink-import-plain $PLINK --vcf "$WORK/pooled.vcf" --double-id --make-bed --out "$WORK/pooled"
    measure plink-import $PLINK --vcf "$WORK/pooled.vcf.gz" --double-id --make-bed --out "$WORK/pooled"
    measure plink-assoc $PLINK --bfile "$WORK/pooled" --pheno "$WORK/pheno.txt" $QC --assoc --out "$WORK/assoc"
    measure plink-trend $PLINK --bfile "$WORK/pooled" --pheno "$WORK/pheno.txt" $QC --model trend-only --out "$WORK/trend"
    measure plink-logistic $PLINK --bfile "$WORK/pooled" --pheno "$WORK/pheno.txt" --covar "$WORK/covar.txt" $QC \
        --logistic hide-covar --out "$WORK/logistic"
    measure bcftools-view sh -c "bcftools view '$DATA/hospital-a.vcf.gz' > /dev/null"
    measure ours-read "${HARNESS[@]}" read
    first trend
    measure ours-trend "${MEDFED[@]}" gwas "$DATA/trend.json" --out "$WORK/out-trend" --force
    measure ours-trend-cached "${MEDFED[@]}" gwas "$DATA/trend.json" --out "$WORK/out-trend" --force
    [ -d "$DATA/allelic.runs/genotype-cache" ] || "${MEDFED[@]}" gwas "$DATA/allelic.json" --out "$WORK/out-allelic" --force >/dev/null
    measure ours-allelic-cached "${MEDFED[@]}" gwas "$DATA/allelic.json" --out "$WORK/out-allelic" --force
    first logistic
    measure ours-logistic "${MEDFED[@]}" gwas "$DATA/logistic.json" --out "$WORK/out-logistic" --force
    measure ours-logistic-cached "${MEDFED[@]}" gwas "$DATA/logistic.json" --out "$WORK/out-logistic" --force
    # the same studies again in a program that has already run them, as the workbench runs a study its user repeats
    # (the same GwasRunner.run in one JVM): three trend, three allelic and two logistic runs with the genotype cache,
    # the last of each counted, by the harness's clock from the start of the run to its files written
    "${HARNESS[@]}" counts-cached counts-cached counts-cached allelic-cached allelic-cached allelic-cached \
        logistic-cached logistic-cached > "$WORK/again.out" 2>&1 || { cat "$WORK/again.out"; exit 1; }
    for p in counts:ours-trend-again allelic:ours-allelic-again logistic:ours-logistic-again; do
        awk -v phase="${p%%:*}-cached" -v name="${p#*:}" '$1 == phase { t = $2 } END { print name, t, "-" }' \
            "$WORK/again.out" >> "$TIMES"
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# min and median of each command, then the comparisons
awk -v reps="$REPS" -v before="$LOAD_BEFORE" -v after="$LOAD_AFTER" '
    function median(name,   n, i, j, t, a) {
        n = split(all[name], a, " ")
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        mn[name] = a[1]
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { all[$1] = all[$1] " " $2; cpu[$1] = cpu[$1] " " $3; names[$1] = 1 }
    END {
        for (n in names) med[n] = median(n)
        med["plink-import+trend"] = med["plink-import"] + med["plink-trend"]
        med["plink-import+assoc"] = med["plink-import"] + med["plink-assoc"]
        med["plink-import+logistic"] = med["plink-import"] + med["plink-logistic"]
        med["plink-import-plain+trend"] = med["plink-import-plain"] + med["plink-trend"]
        med["plink-import-plain+logistic"] = med["plink-import-plain"] + med["plink-logistic"]
        printf "GWAS beside PLINK 1.9 and bcftools: %d repetitions, interleaved; load average %s before, %s after\n", reps, before, after
        printf "%-22s %9s %9s   %s\n", "command", "min s", "median s", "user CPU s (each run)"
        split("plink-import plink-import-plain plink-assoc plink-trend plink-logistic bcftools-view ours-read ours-trend ours-trend-cached ours-allelic-cached ours-logistic ours-logistic-cached ours-trend-again ours-allelic-again ours-logistic-again", order, " ")
        for (i = 1; i <= 15; i++) { n = order[i]; printf "%-22s %9.2f %9.2f  %s\n", n, mn[n], med[n], cpu[n] }
        print ""
        printf "%-72s %8s %8s %7s %s\n", "comparison (medians, wall)", "ours", "peer", "ratio", "target"
        cmp("trend, first run (VCF parsed) vs PLINK import (VCF.gz) + --model trend-only", "ours-trend", "plink-import+trend", 2)
        cmp("  the same vs PLINK import of the plain VCF + --model trend-only", "ours-trend", "plink-import-plain+trend", 2)
        cmp("trend, second run (cache) vs PLINK --model trend-only", "ours-trend-cached", "plink-trend", 2)
        cmp("allelic, second run (cache) vs PLINK --assoc", "ours-allelic-cached", "plink-assoc", 2)
        cmp("logistic, first run (VCF parsed) vs PLINK import (VCF.gz) + --logistic", "ours-logistic", "plink-import+logistic", 2)
        cmp("  the same vs PLINK import of the plain VCF + --logistic", "ours-logistic", "plink-import-plain+logistic", 2)
        cmp("logistic, second run (cache) vs PLINK --logistic", "ours-logistic-cached", "plink-logistic", 2)
        cmp("trend, run again in the same program (workbench) vs PLINK --model trend-only", "ours-trend-again", "plink-trend", 2)
        cmp("allelic, run again in the same program (workbench) vs PLINK --assoc", "ours-allelic-again", "plink-assoc", 2)
        cmp("logistic, run again in the same program (workbench) vs PLINK --logistic", "ours-logistic-again", "plink-logistic", 2)
        cmp("reading one hospital VCF.gz vs bcftools view > /dev/null", "ours-read", "bcftools-view", 1)
    }
    function cmp(what, a, b, target) {
        printf "%-72s %8.2f %8.2f %6.2fx %s\n", what, med[a], med[b], med[a] / med[b], (med[a] / med[b] <= target ? "met" : "missed") " (at most " target "x)"
    }' "$TIMES" | tee "$BENCH/side-by-side.txt"
