# 两条命令：make serve（本地预览）与 make test（全部检查）。其余目标供贡献者与 CI 使用。
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
ADDR   ?= 127.0.0.1:8000

.PHONY: serve test build setup bench screenshots audit test-latest clean page chapter outputs test-page pdf

# 预览默认不建搜索索引（每次重建快约 3 秒）；要在预览里试搜索：make serve SEARCH=true
SEARCH ?= false
serve: setup
	NNDL_SEARCH_INDEX=$(SEARCH) $(BIN)/python -m mkdocs serve -a $(ADDR)

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

# make pdf：严格构建站点，再用 Debian 的 chromium 把它打印成 PDF 版（离线，缺 chromium、中文字体、poppler 时
# 用 apt 安装）：site/nndl-notes.pdf（A4），随站点一起发布
pdf: build
	bash scripts/ensure-chromium
	$(BIN)/python scripts/build_pdf.py site

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
	bash scripts/ensure-chromium
	$(BIN)/python scripts/screenshots.py $(PAGE)

# Lighthouse（性能、无障碍、最佳实践、SEO）审计构建好的站点里最重的 3 页（按元素数与传输大小排，
# scripts/lighthouse_audit.py --list-heaviest 10 可看排名），手机与桌面两种模拟各跑 3 次取性能中位数，
# 报告与 summary.json 写到 test-results/lighthouse/。手机（CPU 降速 4 倍）四项任一低于 90、桌面任一低于 95
# 就失败。机器忙时分数偏低：同一时段前后对比，记下 /proc/loadavg。
# lighthouse 只在这里按需安装到 .cache/lighthouse，不进 npm ci，也不属于 make test。
LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	npm install --prefix .cache/lighthouse --no-save --no-audit --no-fund --no-package-lock lighthouse@12.2.3

audit: setup $(LIGHTHOUSE)
	bash scripts/ensure-chromium
	$(BIN)/python -m mkdocs build --strict -d .cache/audit-site
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python scripts/lighthouse_audit.py .cache/audit-site \
		$(LIGHTHOUSE) --heaviest 3 --preset mobile desktop --min-mobile 90 --min-desktop 95 --runs 3

# 漂移检查：在 .cache/latest/ 的副本里，把每个直接依赖（requirements.in、package.json）升到最新版，
# 再运行 make test；报告（试过的版本、坏掉的测试）写到 test-results/latest/summary.md。
test-latest:
	$(PYTHON) scripts/test_latest.py

clean:
	rm -rf site .cache .pytest_cache
