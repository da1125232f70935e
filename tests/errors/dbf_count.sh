#!/usr/bin/env bash
# Prints the record count of a .dbf (bytes 4-7 of its header, little-endian).
od -An -t u4 -j 4 -N 4 "$1" | tr -d ' '
