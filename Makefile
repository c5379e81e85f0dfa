# 两条命令：make serve（本地预览）与 make test（全部检查）。其余目标供贡献者与 CI 使用。
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
ADDR   ?= 127.0.0.1:8000

.PHONY: serve test build setup bench screenshots audit test-latest clean

serve: setup
	$(BIN)/python -m mkdocs serve -a $(ADDR)

test: setup
	bash scripts/ensure-chromium
	$(BIN)/python -m pytest -n 2

build: setup
	$(BIN)/python -m mkdocs build --strict

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

bench: setup
	$(BIN)/python scripts/bench_conv2d.py

screenshots: setup
	bash scripts/ensure-chromium --cjk-fonts
	$(BIN)/python scripts/screenshots.py

# Lighthouse（性能、无障碍、最佳实践、SEO，目标各 ≥ 95）审计一个章节页和实验页，每页跑 3 次取性能中位数，
# 报告写到 test-results/lighthouse/。桌面模拟：四项都低于 95 就失败。
# 手机模拟（CPU 降速 4 倍）：无障碍、最佳实践、SEO 低于 95 就失败；性能只报告不判失败——
# 它的大头是 Material 的 bundle.js 在 4000 多个元素的页面上做的样式与布局计算，本项目改不了（见 README）。
# lighthouse 只在这里按需安装到 .cache/lighthouse，不进 npm ci。
LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	npm install --prefix .cache/lighthouse --no-save --no-audit --no-fund --no-package-lock lighthouse@12.2.3

audit: setup $(LIGHTHOUSE)
	bash scripts/ensure-chromium
	$(BIN)/python -m mkdocs build --strict -q -d .cache/audit-site
	export CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium}; \
	$(BIN)/python scripts/lighthouse_audit.py .cache/audit-site $(LIGHTHOUSE) --preset desktop; d=$$?; \
	$(BIN)/python scripts/lighthouse_audit.py .cache/audit-site $(LIGHTHOUSE) --preset mobile --report-only performance; m=$$?; \
	exit $$((d | m))

# 漂移检查：在 .cache/latest/ 的副本里，把每个直接依赖（requirements.in、package.json）升到最新版，
# 再运行 make test；报告（试过的版本、坏掉的测试）写到 test-results/latest/summary.md。
test-latest:
	$(PYTHON) scripts/test_latest.py

clean:
	rm -rf site .cache .pytest_cache
