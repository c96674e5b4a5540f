"""Test-wide settings: tests run offline and in quick mode unless told otherwise.

``GAN_COURSE_QUICK=0 pytest`` runs the notebooks at full size (slow);
``GAN_COURSE_OFFLINE`` defaults to 1 so no test ever touches the network.
The notebook kernels started by nbval inherit these variables.
"""
import os
import pathlib

import pytest

os.environ.setdefault("GAN_COURSE_QUICK", "1")
os.environ.setdefault("GAN_COURSE_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
if os.environ["GAN_COURSE_QUICK"].strip().lower() in ("0", "false", "no", "off"):
    del os.environ["GAN_COURSE_QUICK"]


def pytest_xdist_auto_num_workers(config):
    """``-n auto``: two workers per core (``--maxprocesses`` still caps them).

    A notebook's kernel spends much of its time in one Python thread (tracing ``tf.function``s, Matplotlib,
    messages to and from the kernel), so one worker per core leaves cores idle while it traces or plots.
    """
    return 2 * (os.cpu_count() or 1)


# Tests that take 5 s or more each on the project's 2-core machine (they train networks, start processes, kernels
# or a browser): marked ``slow``, so ``pytest -m "not notebook and not slow"`` is the quick tier. A prefix of node ids.
SLOW = (
    "tests/test_animate.py::test_shared_palette_keeps_flat_colours_and_still_pixels",
    "tests/test_animate.py::test_committed_gifs_exist_and_are_small",
    "tests/test_classifier.py::test_retraining_is_reproducible",
    "tests/test_classifier.py::test_pictures_have_the_expected_panels",
    "tests/test_cli_train.py::test_an_image_folder_trains",
    "tests/test_cli_train.py::test_no_arguments_trains",
    "tests/test_cli_train.py::test_a_folder_of_grey_digits",
    "tests/test_cli_train.py::test_resume_trains_the_remaining_epochs",
    "tests/test_clusters.py::test_spectral_groups_are_purer",
    "tests/test_clusters.py::test_large_folders_use_a_graph",
    "tests/test_conditional.py::test_the_trainer_needs_the_labels",
    "tests/test_conditional.py::test_generated_digits_of_a_trained_code",
    "tests/test_distribute.py::test_two_logical_cpus",
    "tests/test_distribute.py::test_mirrored_command",
    "tests/test_distribute.py::test_two_workers",
    "tests/test_exercises.py::test_the_checker_accepts_the_answer_worked_out_here_and_rejects_a_wrong_one[04.8]",
    "tests/test_exercises.py::test_the_checker_accepts_the_answer_worked_out_here_and_rejects_a_wrong_one[01.3]",
    "tests/test_figures.py::test_the_two_languages_give_two_different_pictures",
    "tests/test_foundation.py::test_quiet_tensorflow_import",
    "tests/test_gan1d.py::test_same_seed_same_run",
    "tests/test_gan1d.py::test_toy_gan_moves",
    "tests/test_gan1d.py::test_the_equilibrium_line",
    "tests/test_gan1d.py::test_gan1d_gif_and_plots",
    "tests/test_keras_gan.py::test_fit_ends_with",
    "tests/test_loss_families.py::test_hinge_trains",
    "tests/test_metrics.py::test_real_digits_score_better",
    "tests/test_metrics.py::test_reference_scores_are_the_real_line",
    "tests/test_notebooks_meta.py::test_converts_to_slides",
    "tests/test_recipes.py::test_fit_takes_the_batch_size",
    "tests/test_slides.py::test_lesson_00_decks",
    "tests/test_slides.py::test_deck_runs_in_a_browser",
    "tests/test_train.py::test_resume_continues",
    "tests/test_train.py::test_fit_without_folder",
    "tests/test_train.py::test_time_budget_scorer",
    "tests/test_train.py::test_interrupting_keeps",
    "tests/test_train.py::test_several_steps_per_call",
    "tests/test_train.py::test_one_step_changes_both_networks",
    "tests/test_train.py::test_generator_steps_per_discriminator_step",
    "tests/test_train.py::test_the_course_recipe_learns",
    "tests/test_wasserstein.py::test_the_cross_entropy_discriminator_saturates",
    "tests/test_wasserstein.py::test_the_gradient_penalty_critic",
    "tests/test_animate.py::test_figures_command_writes_only_the_chosen_one",
    "tests/test_animate.py::test_writing_twice_gives_the_same_bytes",
    "tests/test_cli_train.py::test_the_default_run_never_sees",
    "tests/test_conditional.py::test_the_trainer_feeds_a_concatenation_discriminator",
    "tests/test_emoji_eval.py::test_features_and_distance",
    "tests/test_gan1d.py::test_pretrained_discriminator_rejects_fakes",
    "tests/test_lesson06.py::test_coding_exercises_accept",
    "tests/test_lesson09.py::test_solution_matches_the_hand_computation_and_wrong_answers_fail[09.2]",
    "tests/test_lesson09.py::test_without_skin_tones",
    "tests/test_loss_families.py::test_a_critic_step_raises",
    "tests/test_losses.py::test_probability_form_refuses_logits",
    "tests/test_metrics.py::test_one_digit_only_is_mode_collapse",
    "tests/test_notebooks_rerun.py::test_a_cell_that_fails_when_run_again",
    "tests/test_notebooks_rerun.py::test_a_notebook_whose_outputs_match",
    "tests/test_notebooks_rerun.py::test_a_stored_output_that_differs",
    "tests/test_notebooks_rerun.py::test_an_output_that_depends_on_re_runs",
    "tests/test_objective.py::test_plots_follow_the_language",
    "tests/test_recipes.py::test_build_makes_networks",
    "tests/test_recipes.py::test_no_recipe_default_outside",
    "tests/test_slides.py::test_figures_gif_outputs",
    "tests/test_train.py::test_a_time_budget_without_epochs",
    "tests/test_train.py::test_ema_half_life_ramps_up",
    "tests/test_site.py::test_no_",
    "tests/test_site.py::test_a_",
    "tests/test_site.py::test_the_",
)


def pytest_itemcollected(item):
    """Markers for the tiers: nbval's notebook cells are ``notebook`` (``pytest -m "not notebook"`` leaves them out),
    the tests in ``SLOW`` are ``slow``."""
    if item.path.suffix == ".ipynb":
        item.add_marker(pytest.mark.notebook)
    if item.nodeid.startswith(SLOW):
        item.add_marker(pytest.mark.slow)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Drop nbval's items for a notebook whose re-run test is selected too: that test is also its nbval check.

    ``tests/test_notebooks_rerun.py`` compares the first run of every cell with the stored outputs by nbval's rules
    (its classes name their notebook in ``nbval_notebook``), so running nbval on the same notebook would execute the
    lesson a fourth time for nothing. Deciding on the final selection (after ``-k``, ``--deselect``…) keeps nbval's
    items whenever the re-run test is not in this session: ``pytest notebooks/es`` still checks every notebook.
    """
    replaced = {getattr(getattr(item, "cls", None), "nbval_notebook", None) for item in items} - {None}
    if replaced:
        replaced = {pathlib.Path(p).resolve() for p in replaced}
        keep, dropped = [], []
        for item in items:
            (dropped if item.path.suffix == ".ipynb" and item.path.resolve() in replaced else keep).append(item)
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = keep
    items.sort(key=_longest_first)


def _longest_first(item):
    """Sort key: the longest scopes first, so ``--dist loadscope`` does not start one when the others are done.

    Re-runs of whole lessons (lesson 06, the longest, first), then the portability checks, the unit tests and the
    nbval notebooks (many short scopes that fill the workers at the end). The sort is stable: cells keep their order.
    """
    notebook = getattr(getattr(item, "cls", None), "nbval_notebook", None)
    group = (0 if notebook is not None else 1 if item.path.name == "test_portability.py"
             else 3 if item.path.suffix == ".ipynb" else 2)
    return group, not pathlib.Path(notebook or item.path).name.startswith("06_")
