# 两条命令：make serve（本地预览）与 make test（全部检查）。其余目标供贡献者与 CI 使用。
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
ADDR   ?= 127.0.0.1:8000

.PHONY: serve test build setup bench screenshots audit test-latest clean page chapter outputs test-page

serve: setup
	$(BIN)/python -m mkdocs serve -a $(ADDR)

test: setup
	bash scripts/ensure-chromium
	$(BIN)/python -m pytest -n 2

build: setup
	$(BIN)/python -m mkdocs build --strict

# ---- 贡献者用（CONTRIBUTING.md 有完整说明）
# make page CHAPTER=cnn PAGE=pooling TITLE="汇聚层" [AFTER=conv2d] [FIGURE=max-pool]：新建一页及其示例、测试、导航与本章地图
page: setup
	$(BIN)/python scripts/scaffold.py page "$(CHAPTER)" "$(PAGE)" "$(TITLE)" $(if $(AFTER),--after "$(AFTER)") $(if $(FIGURE),--figure "$(FIGURE)")

# make chapter CHAPTER=rnn TITLE="循环神经网络"：新建一章（地图、示例包、导航、首页的一行）
chapter: setup
	$(BIN)/python scripts/scaffold.py chapter "$(CHAPTER)" "$(TITLE)"

# make outputs [PAGE=cnn/conv1d]：按代码真实打印的内容重写示例里的 #> 行，并列出改动（测试从不运行它）
outputs: setup
	$(BIN)/python scripts/fix_outputs.py $(PAGE)

# make test-page PAGE=cnn/conv1d：这一页的单元测试、严格构建、代码块、插图与浏览器检查（快速循环）
test-page: setup
	bash scripts/ensure-chromium
	$(BIN)/python scripts/test_page.py "$(PAGE)"

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
	$(BIN)/python scripts/screenshots.py $(PAGE)

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
	$(BIN)/python -m mkdocs build --strict -d .cache/audit-site
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
