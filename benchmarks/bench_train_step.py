"""Speed of the course's training loop against the TensorFlow DCGAN tutorial's loop, same architecture.

    python benchmarks/bench_train_step.py [--pairs 30] [--model course|tutorial|both] [--record]

For each architecture (the course's networks at batch 64 — the ``plain`` recipe: the course default
without its class head, whose 11-output D the tutorial's loss cannot use; the tutorial's own pair
at batch 256) it
builds two identical copies of the networks (same initial weights) and trains them on the
bundled 5,000-digit MNIST subset in one process, alternating short chunks (1,024 images each:
16 steps at batch 64 — ``fit``'s ``steps_per_execution`` —, 4 at batch 256) of the two loops, so both
see the same machine load:

* **course**   — the loop of ``gan_course.train.fit``: its batches (shuffled with a seed per epoch,
  ``drop_remainder=True``, grouped in chunks of ``steps_per_execution`` batches, prefetched) and
  ``GAN.train_steps``, which runs a whole chunk in one ``tf.function`` call and returns the four
  numbers of every step, read back once per chunk for the progress bar and the history;
* **tutorial** — a faithful re-implementation of https://www.tensorflow.org/tutorials/generative/dcgan:
  ``BinaryCrossentropy(from_logits=True)``, a ``@tf.function`` step drawing
  ``tf.random.normal([BATCH_SIZE, noise_dim])``, the dataset
  ``from_tensor_slices(x).shuffle(60000).batch(BATCH_SIZE)`` and ``for image_batch in dataset:
  train_step(image_batch)`` epoch after epoch (its last, smaller batch included).  The per-epoch
  image and checkpoint of the tutorial are left out, as are the course's grid and checkpoint.

Prints a table: median images/s of each loop over the chunks, the median (and middle half) of the
per-pair speed ratios course / tutorial (≥ 1: the course's loop is not slower), and the same
ratio measured in CPU time per image (all threads of the process), which other programs on a
shared machine disturb far less than wall time.  Absolute timings vary ±40 % from run to run on a
shared 2-core machine; read the paired ratios.  ``--record`` appends the table, with the date,
the machine and its load, to ``benchmarks/results/train_step.md``.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gan_course as gc  # noqa: E402
from gan_course import data, keras, models, recipes, tf  # noqa: E402


def tutorial_loop(generator, discriminator, images, batch_size, noise_dim, lr=1e-4, beta_1=0.9):
    """The tutorial's code, unchanged except that it is wrapped in a function: returns ``run_steps(n)``."""
    cross_entropy = keras.losses.BinaryCrossentropy(from_logits=True)

    def discriminator_loss(real_output, fake_output):
        real_loss = cross_entropy(tf.ones_like(real_output), real_output)
        fake_loss = cross_entropy(tf.zeros_like(fake_output), fake_output)
        return real_loss + fake_loss

    def generator_loss(fake_output):
        return cross_entropy(tf.ones_like(fake_output), fake_output)

    generator_optimizer = keras.optimizers.Adam(lr, beta_1=beta_1)
    discriminator_optimizer = keras.optimizers.Adam(lr, beta_1=beta_1)
    BATCH_SIZE = batch_size
    train_dataset = tf.data.Dataset.from_tensor_slices(images).shuffle(60000).batch(BATCH_SIZE)

    @tf.function
    def train_step(images):
        noise = tf.random.normal([BATCH_SIZE, noise_dim])
        with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
            generated_images = generator(noise, training=True)
            real_output = discriminator(images, training=True)
            fake_output = discriminator(generated_images, training=True)
            gen_loss = generator_loss(fake_output)
            disc_loss = discriminator_loss(real_output, fake_output)
        gradients_of_generator = gen_tape.gradient(gen_loss, generator.trainable_variables)
        gradients_of_discriminator = disc_tape.gradient(disc_loss, discriminator.trainable_variables)
        generator_optimizer.apply_gradients(zip(gradients_of_generator, generator.trainable_variables))
        discriminator_optimizer.apply_gradients(zip(gradients_of_discriminator, discriminator.trainable_variables))

    def batches():  # the tutorial's `for epoch in range(epochs): for image_batch in dataset:`
        while True:
            for image_batch in train_dataset:
                yield image_batch

    stream = batches()

    def run_steps(n):
        """Run ``n`` steps of the tutorial loop; returns the number of images used."""
        images_seen = 0
        for _ in range(n):
            image_batch = next(stream)
            train_step(image_batch)
            images_seen += int(image_batch.shape[0])
        return images_seen

    return run_steps


def _course_chunks(x, batch, k):
    """The chunks of ``train.fit``: shuffled with a seed per epoch, last partial batch dropped, k batches a chunk."""
    images = tf.data.Dataset.from_tensor_slices(data.to_float(x))
    epoch = 0
    while True:
        epoch += 1
        yield from (images.shuffle(len(x), seed=epoch).batch(batch, drop_remainder=True).batch(k, drop_remainder=True)
                    .prefetch(2))


def compare(model: str, pairs: int, x, chunk_images: int = 1024):
    """Images/s of both loops over ``pairs`` alternating chunks, and the per-pair ratios."""
    # the same maths as the tutorial's step: the recipe's extras (R1, EMA, augmentation) are off here
    gan = recipes.build(model, seed=0, r1_gamma=0.0, ema_half_life=0.0, augment="none")
    recipe = gan.recipe
    batch = recipe.batch_size
    g2, d2 = models.build_pair(recipe)
    g2.set_weights(gan.generator.get_weights())
    d2.set_weights(gan.discriminator.get_weights())
    tutorial_steps = tutorial_loop(g2, d2, data.to_float(x), batch, models.latent_dim(g2),
                                   recipe["g_lr"], recipe["beta_1"])
    steps = max(1, chunk_images // batch)
    course_chunks = _course_chunks(x, batch, steps)
    history = []

    def course_chunk():  # what fit() does per chunk: one call, one read of the losses of every step
        res = {k: v.numpy() for k, v in gan.train_steps(next(course_chunks)).items()}
        history.extend(zip(res["d_loss"], res["g_loss"], res["d_real"], res["d_fake"]))
        return steps * batch

    def tutorial_chunk():
        return tutorial_steps(steps)

    for fn in (course_chunk, tutorial_chunk):  # warm-up: traces (the tutorial's second one comes later)
        fn()
    speeds = {"course": [], "tutorial": []}
    cpu = {"course": [], "tutorial": []}
    for r in range(pairs):
        order = [("course", course_chunk), ("tutorial", tutorial_chunk)]
        for name, fn in (order if r % 2 == 0 else order[::-1]):
            t0, c0 = time.perf_counter(), time.process_time()
            n = fn()
            speeds[name].append(n / (time.perf_counter() - t0))
            cpu[name].append((time.process_time() - c0) / n)  # CPU seconds per image, all threads
    return batch, speeds, cpu


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=30, help="alternating chunks of each loop")
    parser.add_argument("--model", choices=("plain", "tutorial", "both"), default="both")
    parser.add_argument("--record", action="store_true", help="append the table to benchmarks/results/train_step.md")
    args = parser.parse_args(argv)
    lines = []

    def say(text):
        print(text, flush=True)
        lines.append(text)

    gc.setup("es")
    x, _ = data.load_mnist("bundled")
    names = ["plain", "tutorial"] if args.model == "both" else [args.model]
    say(f"TensorFlow {tf.__version__}, {args.pairs} alternating chunks of 1,024 images per loop, "
          f"one process, bundled MNIST ({len(x)} images)")
    say(f"{'architecture':<12} {'batch':>5} {'course img/s':>13} {'tutorial img/s':>15} "
          f"{'ratio (median of pairs)':>24} {'middle half of pairs':>21} {'pairs ≥ 1':>10} {'CPU-time ratio':>15}")
    for name in names:
        batch, s, cpu = compare(name, args.pairs, x)
        cpu_ratio = statistics.median(t / c for c, t in zip(cpu["course"], cpu["tutorial"]))
        ratios = [c / t for c, t in zip(s["course"], s["tutorial"])]
        q1, _, q3 = statistics.quantiles(ratios, n=4)
        say(f"{name:<12} {batch:>5} {statistics.median(s['course']):>13.0f} "
              f"{statistics.median(s['tutorial']):>15.0f} {statistics.median(ratios):>24.3f} "
              f"{q1:>14.3f} – {q3:.3f} {sum(r >= 1 for r in ratios):>6}/{len(ratios)} {cpu_ratio:>15.3f}")
    if args.record:
        import datetime
        import os
        import platform

        path = Path(__file__).resolve().parent / "results" / "train_step.md"
        path.parent.mkdir(exist_ok=True)
        load = " ".join(f"{v:.1f}" for v in os.getloadavg())
        head = (f"## {datetime.datetime.now():%Y-%m-%d %H:%M} — {platform.processor() or platform.machine()}, "
                f"{os.cpu_count()} CPUs, load average {load}\n\n")
        with path.open("a", encoding="utf-8") as f:
            f.write(head + "```\n" + "\n".join(lines) + "\n```\n\n")


if __name__ == "__main__":
    main()
