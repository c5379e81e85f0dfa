from snippets.cnn.lenet import figures


def test_points_are_the_page_table():
    points = figures.network_points()
    assert points == [("LeNet-5", 5, 61706), ("AlexNet", 8, 61100840), ("VGG-16", 16, 138357544),
                      ("ResNet-18", 18, 11689512), ("ResNet-50", 50, 25557032)]
    assert len(figures.LAYER_NAMES) == 5
