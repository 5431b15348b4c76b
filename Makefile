# The two quick-start commands (see README.md). Each installs what is missing, builds, and acts.
#   make run    start HubDesk on the built-in sandbox Hub with the demo world
#   make test   build and run the whole test suite
.PHONY: run test build build-test package clean format

JOBS ?= $(shell nproc)

run:
	packaging/install-deps.sh
	cmake --preset release
	cmake --build --preset release -j $(JOBS)
	./build/release/app/hubdesk --sandbox

test:
	packaging/install-deps.sh --test
	cmake --preset dev
	cmake --build --preset dev -j $(JOBS)
	ctest --preset dev

package:
	packaging/install-deps.sh --test
	cmake --preset release
	cmake --build --preset release -j $(JOBS) --target package

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
