# conformance_programs.awk: reads one tests-sos Makefile.am and prints the C/C++ programs it
# declares, one per line, as `name<TAB>language<TAB>sources<TAB>compile flags<TAB>link flags`,
# the flags being those automake would give the program (per-program CFLAGS replace AM_CFLAGS,
# AM_CPPFLAGS always apply; configure's substitutions are filled in below).
#
# Every program of every check_PROGRAMS assignment is listed whatever conditional guards it: we
# build all of the suite's C and C++ programs (Fortran ones are dropped by their sources). The
# conditionals do decide the flag variables; `on` (a space-separated list passed with -v) names the
# configure conditions that hold for us.
#
# Usage: awk -v on="HAVE_CXX ..." -v top=<suite root> -f conformance_programs.awk Makefile.am
BEGIN {
    n = split(on, names, " ")
    for (i = 1; i <= n; i++) holds[names[i]] = 1
    depth = 0
    # What configure substitutes for us: POSIX threads via -pthread, GCC's OpenMP switch, no libtool.
    subst["PTHREAD_CFLAGS"] = "-pthread"
    subst["PTHREAD_LIBS"] = "-pthread"
    subst["AM_OPENMP_CFLAGS"] = "-fopenmp"
    subst["AM_OPENMP_CXXFLAGS"] = "-fopenmp"
    subst["LIBTOOL_WRAPPER_LDFLAGS"] = ""
    subst["top_srcdir"] = top
    subst["top_builddir"] = top
}

# Joins backslash-continued lines and drops comments before anything else looks at the line.
{
    line = $0
    while (line ~ /\\$/ && (getline next_line) > 0) line = substr(line, 1, length(line) - 1) " " next_line
    sub(/#.*/, "", line)
    gsub(/[ \t]+/, " ", line)
    sub(/^ /, "", line)
    sub(/ $/, "", line)
    if (line == "") next
}

function active(   i) {
    for (i = 1; i <= depth; i++) if (!truth[i]) return 0
    return 1
}

line ~ /^if / {
    cond = substr(line, 4)
    negate = sub(/^!/, "", cond)
    value = (cond in holds) ? 1 : 0
    truth[++depth] = negate ? !value : value
    next
}
line ~ /^else( |$)/ { truth[depth] = !truth[depth]; next }
line ~ /^endif( |$)/ { depth--; next }

line ~ /^[A-Za-z_][A-Za-z0-9_]* *\+?= ?/ {
    name = line
    sub(/ *\+?=.*/, "", name)
    value = line
    sub(/^[^=]*= ?/, "", value)
    appending = (line ~ /^[A-Za-z_][A-Za-z0-9_]* *\+=/)
    if (name == "check_PROGRAMS") {
        count = split(value, progs, " ")
        for (i = 1; i <= count; i++) if (!(progs[i] in listed)) { listed[progs[i]] = 1; order[++nprogs] = progs[i] }
        next
    }
    if (!active()) next
    vars[name] = (appending && (name in vars)) ? vars[name] " " value : value
}

# $(VAR) references: configure substitutions first, then the file's own variables, recursively.
function expand(text,   out, ref, rest) {
    out = ""
    while (match(text, /\$\([A-Za-z_][A-Za-z0-9_]*\)/)) {
        # Take what follows before recursing: the recursion's match() resets RSTART and RLENGTH.
        ref = substr(text, RSTART + 2, RLENGTH - 3)
        out = out substr(text, 1, RSTART - 1)
        rest = substr(text, RSTART + RLENGTH)
        if (ref in subst) out = out subst[ref]
        else if (ref in vars) out = out expand(vars[ref])
        text = rest
    }
    return out text
}

function pick(var, fallback) { return (var in vars) ? vars[var] : fallback }

END {
    for (p = 1; p <= nprogs; p++) {
        prog = order[p]
        canon = prog
        gsub(/[^A-Za-z0-9_]/, "_", canon)
        sources = expand(pick(canon "_SOURCES", prog ".c"))
        # Fortran programs are not ours to build; C++ if any source is .cpp.
        if (sources ~ /\.f90/) continue
        lang = (sources ~ /\.cpp/) ? "c++" : "c"
        kept = ""
        count = split(sources, files, " ")
        for (i = 1; i <= count; i++) if (files[i] !~ /\.h$/) kept = kept (kept == "" ? "" : " ") files[i]
        flagvar = (lang == "c") ? "CFLAGS" : "CXXFLAGS"
        cflags = expand(pick("AM_CPPFLAGS", "") " " pick(canon "_" flagvar, pick("AM_" flagvar, "")))
        ldflags = expand(pick(canon "_LDFLAGS", pick("AM_LDFLAGS", "")) " " pick(canon "_LDADD", pick("LDADD", "")))
        gsub(/ +/, " ", cflags); sub(/^ /, "", cflags); sub(/ $/, "", cflags)
        gsub(/ +/, " ", ldflags); sub(/^ /, "", ldflags); sub(/ $/, "", ldflags)
        printf "%s\t%s\t%s\t%s\t%s\n", prog, lang, kept, cflags, ldflags
    }
}
