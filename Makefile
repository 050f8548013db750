# narrate: build, test and install.  `make help` lists the targets.
# Every library comes through pkg-config; `make deps` installs what is missing
# on Debian 12 (apt-get, as root or through sudo).

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS     = espeak-ng sndfile yaml-0.1 libebur128 soxr libxml-2.0 libutf8proc libxxhash
DEB_PKGS = build-essential pkg-config libespeak-ng-dev espeak-ng libsndfile1-dev \
           libyaml-dev libebur128-dev libsoxr-dev libxml2-dev \
           libutf8proc-dev libcmocka-dev libxxhash-dev ffmpeg python3 python3-mutagen \
           python3-feedparser valgrind wamerican parallel clang sndfile-programs

WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla \
          -Wwrite-strings -Wformat=2 -Werror
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) \
          -DNARRATE_DATADIR='"$(PREFIX)/share/narrate"' \
          $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
SAN     = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRCS    = $(wildcard src/*.c)
LIBSRCS = $(filter-out src/main.c,$(SRCS))
OBJS    = $(SRCS:src/%.c=build/obj/%.o)
LIBOBJS = $(LIBSRCS:src/%.c=build/obj/%.o)
SOBJS   = $(SRCS:src/%.c=build/asan/%.o)
SLIBOBJS= $(LIBSRCS:src/%.c=build/asan/%.o)
UNITSRC = $(wildcard tests/unit/test_*.c)
UNITS   = $(UNITSRC:tests/unit/%.c=build/tests/%)
SUNITS  = $(UNITSRC:tests/unit/%.c=build/tests-asan/%)

.PHONY: all deps test unit golden e2e asan check-asan demo bench fuzz install \
        uninstall clean help
.DEFAULT_GOAL := all

all: narrate

help:
	@echo "narrate - narrate articles with espeak-ng"
	@echo
	@echo "  make            build ./narrate"
	@echo "  make deps       install missing Debian packages (apt-get; root or sudo)"
	@echo "  make demo       deps + build + narrate tests/data/sample-article.txt into output/"
	@echo "  make test       deps + build + unit, golden and end-to-end tests,"
	@echo "                  then unit and end-to-end tests again under ASan+UBSan"
	@echo "  make bench      CPU-time ratios against raw espeak-ng (BBC corpus, ../shared)"
	@echo "  make fuzz       build libFuzzer targets and run each (FUZZ_SECONDS=60)"
	@echo "  make install    install to \$$(DESTDIR)\$$(PREFIX) (PREFIX=$(PREFIX))"
	@echo "  make uninstall  remove what install put there"
	@echo "  make clean      remove build products"

deps:
	@sh tests/deps.sh $(DEB_PKGS)

# V=1 shows the whole compiler command lines.
Q = $(if $(V),,@)
say = $(if $(V),,@echo "  $(1)	$@";)

narrate: $(OBJS)
	$(call say,LINK)$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LIBS)

build/obj/%.o: src/%.c $(wildcard src/*.h) | build/obj
	$(call say,CC)$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c $(wildcard src/*.h) | build/asan
	$(call say,CC)$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

build/asan/narrate: $(SOBJS)
	$(call say,LINK)$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $(SOBJS) $(LIBS)

build/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIBOBJS) | build/tests
	$(call say,CC)$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIBOBJS) $(LIBS) -lcmocka

build/tests-asan/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(SLIBOBJS) | build/tests-asan
	$(call say,CC)$(CC) $(ALL_CFLAGS) $(SAN) -Isrc -o $@ $< $(SLIBOBJS) $(LIBS) -lcmocka

build/obj build/asan build/tests build/tests-asan:
	@mkdir -p $@

unit: $(UNITS)
	@sh tests/run-units.sh $(UNITS)

golden: narrate
	@sh tests/golden/run.sh ./narrate

e2e: narrate
	@sh tests/e2e/run.sh ./narrate

asan: build/asan/narrate $(SUNITS)

check-asan: asan
	@echo "== unit tests under ASan+UBSan"
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run-units.sh $(SUNITS)
	@echo "== end-to-end tests under ASan+UBSan"
	@ASAN_OPTIONS=detect_leaks=1 NARRATE_SANITIZED=1 sh tests/e2e/run.sh build/asan/narrate

test: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit golden e2e check-asan

demo: deps
	@$(MAKE) --no-print-directory all
	./narrate -o output tests/data/sample-article.txt
	@echo "demo: see output/"

bench: deps
	@$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh ./narrate

FUZZ_SECONDS ?= 60
FUZZERS = $(wildcard tests/fuzz/fuzz_*.c)
fuzz: deps
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

install: narrate
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/narrate
	install -m 755 narrate $(DESTDIR)$(PREFIX)/bin/narrate
	cp -R voices pronunciations $(DESTDIR)$(PREFIX)/share/narrate/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/narrate
	rm -rf $(DESTDIR)$(PREFIX)/share/narrate

clean:
	rm -rf build narrate
