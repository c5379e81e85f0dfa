
import torch
from torch import nn

from snippets.cnn.lenet import ex04_later_networks as ex
from snippets.cnn.lenet.ex04_later_networks import alexnet, basic, bottleneck, resnet, summary, vgg16

# published totals (torchvision's model builders; no download needed to know them)
PUBLISHED = {"AlexNet": 61_100_840, "VGG-16": 138_357_544, "ResNet-18": 11_689_512, "ResNet-50": 25_557_032}
# multiply-adds per 224×224 image as torchvision's documentation lists them ("GFLOPS")
PUBLISHED_GMACS = {"AlexNet": 0.71, "VGG-16": 15.47, "ResNet-18": 1.81, "ResNet-50": 4.09}


def build():
    with torch.device("meta"):
        return {"AlexNet": alexnet(), "VGG-16": vgg16(), "ResNet-18": resnet(basic, (2, 2, 2, 2)),
                "ResNet-50": resnet(bottleneck, (3, 4, 6, 3))}


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def test_counts_match_the_published_totals_and_depths():
    stats = {name: summary(model) for name, model in build().items()}
    assert {name: s[1] for name, s in stats.items()} == PUBLISHED
    assert {name: s[0] for name, s in stats.items()} == {"AlexNet": 8, "VGG-16": 16, "ResNet-18": 18,
                                                       "ResNet-50": 50}
    assert {name: round(s[3] / 1e9, 2) for name, s in stats.items()} == PUBLISHED_GMACS
    # prose: FC shares 96.0%, 89.4%, 4.4%, 8.0%
    assert [round(100 * s[2], 1) for s in stats.values()] == [96.0, 89.4, 4.4, 8.0]


def test_forward_shapes_on_the_meta_device():
    for model in build().values():
        assert model(torch.zeros(2, 3, 224, 224, device="meta")).shape == (2, 1000)


def test_resnet_blocks_are_the_published_ones():
    # real tensors on small widths: a residual block adds its input; shortcuts only where shapes change
    block = ex.Residual(*basic(8, 8, 1)[:1], nn.Identity())
    x = torch.randn(1, 8, 5, 5)
    with torch.no_grad():
        for m in block.body:
            if isinstance(m, nn.Conv2d):
                m.weight.zero_()
    assert torch.equal(block(x), torch.relu(x))
    model = build()["ResNet-18"]
    shortcuts = [m for m in model if isinstance(m, ex.Residual) and not isinstance(m.shortcut, nn.Identity)]
    assert len(shortcuts) == 3                      # stages 2-4 start with stride 2
    assert len([m for m in build()["ResNet-50"] if isinstance(m, ex.Residual)
                and not isinstance(m.shortcut, nn.Identity)]) == 4


def test_page_statements():
    models = build()
    # "AlexNet 的第一个全连接层（9216 个输入、4096 个输出）就有约 3775 万个参数"
    first = models["AlexNet"][16]
    assert (first.in_features, first.out_features) == (9216, 4096)
    assert round(sum(p.numel() for p in first.parameters()) / 1e4) == 3775
    # "VGG-16 的计算量是 AlexNet 的约 22 倍"; "ResNet-18 的参数不到 AlexNet 的五分之一"
    macs = {name: summary(m)[3] for name, m in models.items()}
    assert round(macs["VGG-16"] / macs["AlexNet"]) == 22
    assert PUBLISHED["ResNet-18"] < PUBLISHED["AlexNet"] / 5
    # exercise 4: AlexNet's first layer 224 -> 55 -> pool 27; (3·121+1)·64 = 23296 parameters
    x = torch.zeros(1, 3, 224, 224, device="meta")
    assert models["AlexNet"][0](x).shape[-1] == (224 + 4 - 11) // 4 + 1 == 55
    assert models["AlexNet"][2](models["AlexNet"][0](x)).shape[-1] == (55 - 3) // 2 + 1 == 27
    assert models["AlexNet"][0].weight.numel() + 64 == (3 * 121 + 1) * 64 == 23296
    # exercise 5: VGG's first FC layer 25088·4096 + 4096 = 102,764,544, 74% of the total;
    # ResNet-18's only FC layer 512·1000 + 1000 = 513,000
    vgg_fc = models["VGG-16"][33]
    assert (vgg_fc.in_features, sum(p.numel() for p in vgg_fc.parameters())) == (25088, 102764544)
    assert round(100 * 102764544 / PUBLISHED["VGG-16"]) == 74
    assert sum(p.numel() for p in models["ResNet-18"][-1].parameters()) == 513000
    # exercise 3: three 3×3 layers vs one 7×7 with C channels: 27C² vs 49C²; C=256
    assert 3 * 9 * 256**2 == 1769472 and 49 * 256**2 == 3211264
    assert sum(p.numel() for p in nn.Conv2d(256, 256, 7, bias=False).parameters()) == 3211264
    assert round(100 * 27 / 49) == 55
    # "VGG-16 有 1.38 亿个参数，建出来要占 550 MB 内存" (float32)
    assert round(PUBLISHED["VGG-16"] / 1e8, 2) == 1.38 and round(PUBLISHED["VGG-16"] * 4 / 1e6, -1) == 550
    # "ResNet-50 … 50 层只有约 2556 万个参数"
    assert round(PUBLISHED["ResNet-50"] / 1e4) == 2556
