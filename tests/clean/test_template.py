"""Learning a source's template: lines in at least 30% and at least 5 of its items."""
from __future__ import annotations

from transforms.clean.template import is_template_line, learn_template, template_candidates

FOOTER = "⚡ Харків онлайн: головне за день"


def test_a_line_in_most_items_is_template_and_others_are_not():
    items = [[f"Новина номер {i}: збито дрон.", FOOTER] for i in range(8)]
    items += [["Новина без підпису.", "Вибухи у Харкові"] for _ in range(2)]
    assert learn_template(items) == frozenset({"харків онлайн головне за день"})


def test_thresholds():
    assert not is_template_line(4, 4)  # too few items to tell a template
    assert is_template_line(5, 10)
    assert not is_template_line(5, 20)  # under 30% of the source's items


def test_candidates_are_distinct_normalised_short_lines():
    assert list(template_candidates([FOOTER, FOOTER.upper(), "", "x" * 500])) == [
        "харків онлайн головне за день"]


def test_only_a_header_or_footer_is_removed_as_template():
    from transforms.clean.furniture import clean_lines, normalise_line

    alert = "Air raid alert in Kharkiv oblast."
    template = frozenset({normalise_line(alert), normalise_line(FOOTER)})
    post = ["Explosions were heard in Kharkiv.", alert, "Two people were injured.", FOOTER]
    assert clean_lines(post, template) == post[:3]
    assert clean_lines([alert, FOOTER], template) == [alert, FOOTER]  # all template: kept whole
