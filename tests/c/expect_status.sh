#!/bin/sh
# expect_status.sh <status[,status...]> <pattern or ""> <command...>: runs the command and fails
# unless it exits with one of the statuses and (if given) its output contains <pattern>.
expected=$1
pattern=$2
shift 2
output=$("$@" 2>&1)
status=$?
printf '%s\n' "$output" | tail -n 20
case ",$expected," in
*,"$status",*) ;;
*) false ;;
esac
if [ $? -ne 0 ]; then
    echo "expect_status: exit status $status, expected $expected"
    exit 1
fi
if [ -n "$pattern" ] && ! printf '%s' "$output" | grep -q -- "$pattern"; then
    echo "expect_status: output lacks \"$pattern\""
    exit 1
fi
echo "expect_status: exit status $status as expected"
