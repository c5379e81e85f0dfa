"""病态的二次函数：两个方向的弯曲程度相差 100 倍，梯度下降在陡的方向来回跳，在缓的方向慢慢爬。"""

# --8<-- [start:ill_conditioned]
import numpy as np

H = np.array([1.0, 100.0])     # Hessian 的两个特征值：θ1 方向平缓，θ2 方向陡峭，条件数 100


def f_quad(theta):
    """f(θ) = (1·θ1² + 100·θ2²) / 2，最小值点是 (0, 0)；theta 的最后一维是 (θ1, θ2)。"""
    return 0.5 * np.sum(H * np.asarray(theta, dtype=float) ** 2, axis=-1)


def grad_quad(theta):
    """∇f(θ) = (θ1, 100·θ2)。"""
    return H * np.asarray(theta, dtype=float)
# --8<-- [end:ill_conditioned]


# --8<-- [start:gd_path]
def gd_path(grad, theta0, lr, steps):
    """从 theta0 出发做 steps 步梯度下降，返回整条路径 θ_0, ..., θ_steps，形状 (steps + 1, D)。"""
    if not lr > 0:
        raise ValueError(f"lr 必须是正数，收到 {lr!r}")
    if not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps 必须是非负整数，收到 {steps!r}")
    theta = np.array(theta0, dtype=float)
    path = [theta]
    for _ in range(steps):
        theta = theta - lr * grad(theta)
        path.append(theta)
    return np.array(path)
# --8<-- [end:gd_path]


def main():
    # --8<-- [start:usage]
    path = gd_path(grad_quad, [-5.0, 1.0], lr=0.019, steps=100)   # 上限是 2/100 = 0.02
    for t in (0, 1, 2, 3, 100):
        print(t, np.round(path[t], 4).tolist(), round(float(f_quad(path[t])), 4))
    #> 0 [-5.0, 1.0] 62.5
    #> 1 [-4.905, -0.9] 52.5295
    #> 2 [-4.8118, 0.81] 44.3817
    #> 3 [-4.7204, -0.729] 37.713
    #> 100 [-0.7343, 0.0] 0.2696
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
