"""The PyTorch peer of `medfed benchmark image-training`: the same CNN (two 3x3 'same' convolutions of 8 and 16
filters, each followed by ReLU and 2x2 max pooling, a dense layer of 32 with ReLU, one sigmoid output), the same
batch of 32 and Adam (lr 0.001, betas 0.9/0.999, eps 1e-8) on BreastMNIST's training images scaled to [0, 1].
Prints one line per repetition: images per second of training (forward, loss, backward, step), after a warm-up.
Usage: torch_cnn_peer.py NPZ STEPS REPETITIONS THREADS"""
import sys
import time

import numpy as np
import torch
from torch import nn


def main():
    npz, steps, repetitions, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    data = np.load(npz)
    x = torch.from_numpy(data["train_images"].astype(np.float32) / 255.0).reshape(-1, 1, 28, 28)
    y = torch.from_numpy(data["train_labels"].reshape(-1).astype(np.float32)).reshape(-1, 1)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 7 * 7, 32), nn.ReLU(), nn.Linear(32, 1), nn.Sigmoid())
    optimiser = torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.BCELoss()
    generator = torch.Generator().manual_seed(3)
    order = torch.randperm(len(x), generator=generator)
    position = 0

    def step():
        nonlocal order, position
        if position + 32 > len(order):
            order = torch.randperm(len(x), generator=generator)
            position = 0
        rows = order[position:position + 32]
        position += 32
        optimiser.zero_grad()
        loss = loss_fn(model(x[rows]), y[rows])
        loss.backward()
        optimiser.step()

    for _ in range(steps):  # warm-up
        step()
    for _ in range(repetitions):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        print(f"{steps * 32 / (time.perf_counter() - t0):.1f}", flush=True)


if __name__ == "__main__":
    main()
