"""Claim frames on sentences that are not in the seeds (held out from the seed tuning).

Each row: a text, its publication date, the figure phrase, and the frame expected for it.
The year of ``time`` is the last year the claim describes; ``None`` fields must be None.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import numcheck

ANCHOR = "2024-05-10"

CASES = [
    pytest.param(
        "Officials said 3,000 American soldiers were deployed to Syria last year.",
        "3,000",
        {"unit": "troops", "subject": "US", "location": "Syria", "year": 2023, "basis": "relative"},
        id="adjective-actor-directional-place-last-year",
    ),
    pytest.param(
        "The strike killed at least 12 civilians in Gaza on Tuesday.",
        "at least 12",
        {"unit": "deaths", "qualifier": "at_least", "location": "Gaza"},
        id="verb-unit-at-least",
    ),
    pytest.param(
        "Militants have attacked the base more than 40 times since January.",
        "more than 40",
        {
            "unit": "attacks",
            "qualifier": "more_than",
            "year": 2024,
            "start": dt.date(2024, 1, 1),
            "end": dt.date(2024, 5, 10),
        },
        id="attacked-n-times-since-month",
    ),
    pytest.param(
        "The war displaced more than 6 million Syrians.",
        "more than 6 million",
        {"unit": "displaced", "subject": "Syria", "location": "Syria"},
        id="nationality-is-home",
    ),
    pytest.param(
        "Britain has 900 troops in Estonia and about 150 in Poland.",
        "about 150",
        {"unit": "troops", "subject": "UK", "location": "Poland", "qualifier": "approx"},
        id="elided-noun",
    ),
    pytest.param(
        "The number of Russian soldiers in Belarus was put at 30,000 in February 2022.",
        "30,000",
        {
            "unit": "troops",
            "subject": "Russia",
            "location": "Belarus",
            "start": dt.date(2022, 2, 1),
            "end": dt.date(2022, 2, 28),
        },
        id="noun-before-figure",
    ),
    pytest.param(
        "Kyiv formed a 10,000-strong force in Ukraine.",
        "10,000",
        {"unit": "troops", "location": "Ukraine"},
        id="hyphen-strong-force",
    ),
    pytest.param(
        "The five-year mission ended in 2021.",
        "five",
        {"unit": "years"},
        id="hyphen-duration",
    ),
    pytest.param(
        "The Pentagon is sending another 1,500 troops to Iraq.",
        "1,500",
        {"unit": "troops", "subject": "US", "location": "Iraq", "kind": "change"},
        id="another-is-a-change",
    ),
    pytest.param(
        "In 2016, there were 5,000 troops in Iraq; now there are 2,500.",
        "5,000",
        {"year": 2016, "basis": "explicit"},
        id="date-opening-the-clause",
    ),
    pytest.param(
        "In 2016, there were 5,000 troops in Iraq; now there are 2,500.",
        "2,500",
        {"year": 2024, "basis": "relative"},
        id="date-does-not-cross-semicolon",
    ),
    pytest.param(
        "Daesh controlled 40 percent of Syria in 2015.",
        "40 percent",
        {"unit": "percent", "location": "Syria", "year": 2015},
        id="share-of-place",
    ),
    pytest.param(
        "The SDF is an alliance of some 60 groups. There are roughly 100,000 fighters.",
        "roughly 100,000",
        {"unit": "fighters", "subject": "Kurds"},
        id="topic-of-previous-sentence",
    ),
    pytest.param(
        "The fighting caused 300 deaths and displaced 20,000 Iraqis until 2019.",
        "300",
        {"unit": "deaths", "year": 2019},
        id="coordinated-figures-share-a-date",
    ),
    pytest.param(
        "About 2,000 US troops were in Iraq in 2012, when 40 advisers stayed behind.",
        "40",
        {"unit": "troops", "year": 2012},
        id="adverbial-date-of-the-sentence",
    ),
    pytest.param(
        "More than 26,000 Palestinians were killed in Gaza.",
        "More than 26,000",
        {"unit": "deaths", "subject": "Palestinians", "location": "Gaza"},
        id="passive-verb-after-the-noun",
    ),
    pytest.param(
        "US forces lost 4,400 soldiers between 2003 and 2011.",
        "4,400",
        {"start": dt.date(2003, 1, 1), "end": dt.date(2011, 12, 31)},
        id="between-years",
    ),
    pytest.param(
        "From 2003 to 2011, 4,400 US soldiers died in Iraq.",
        "4,400",
        {"start": dt.date(2003, 1, 1), "end": dt.date(2011, 12, 31)},
        id="from-to-opening-the-sentence",
    ),
    pytest.param(
        "Earlier this month, 300 people were displaced in Syria.",
        "300",
        {"unit": "displaced", "start": dt.date(2024, 5, 1), "end": dt.date(2024, 5, 10)},
        id="earlier-this-month",
    ),
    pytest.param(
        "This week 40 rockets hit the base.",
        "40",
        {"start": dt.date(2024, 5, 6), "end": dt.date(2024, 5, 10), "basis": "relative"},
        id="this-week-ends-at-publication",
    ),
    pytest.param(
        "Officials counted 2,500 troops.",
        "2,500",
        {"unit": "troops", "subject": None, "location": None},
        id="no-actor-no-place",
    ),
    pytest.param(
        "Militias have launched 75 raids on British soldiers in Mali, Niger and Chad.",
        "75",
        {"unit": "attacks", "subject": "UK", "location": "Chad+Mali+Niger"},
        id="target-of-attacks-and-comma-list-of-places",
    ),
    pytest.param(
        "The agency counted 4,000 displaced people in Lviv, Ukraine last week.",
        "4,000",
        {"location": "Lviv"},
        id="comma-without-and-is-no-list",
    ),
    pytest.param(
        "Rebels carried out 12 strikes against the Iranian militia in Syria.",
        "12",
        {"unit": "attacks", "subject": "Iran", "location": "Syria"},
        id="strikes-against-an-actor",
    ),
    pytest.param(
        "Russian shelling killed 40 people in Kharkiv on Friday.",
        "40",
        # not Russia's: the dead are the place's own
        {"unit": "deaths", "subject": "Ukraine", "location": "Kharkiv"},
        id="agent-of-a-killing-is-not-whose-the-dead-are",
    ),
    pytest.param(
        "The army said it had killed 900 militants in Idlib.",
        "900",
        {"unit": "fighters", "subject": None, "location": "Idlib"},
        id="killed-fighters-keep-their-noun-frame",
    ),
    pytest.param(
        "At least 300 Syrians have been killed in Idlib this month, monitors said. "
        "In the past day, 25 people were killed, they added.",
        "25",
        {"unit": "deaths", "subject": "Syria", "location": "Idlib"},
        id="toll-without-place-takes-the-place-of-the-measure",
    ),
    pytest.param(
        "At least 300 Syrians have been killed in Idlib this month, monitors said. "
        "In the past day, 25 people were killed, they added. "
        "A car bomb in Beirut killed 109 people in 2015.",
        "109",
        {"unit": "deaths", "subject": None, "location": "Beirut"},
        id="toll-elsewhere-does-not-take-the-subject-of-another-place",
    ),
    pytest.param(
        "Officials said 150 Palestinians had been killed in the past day. "
        "The toll in Gaza has risen to 21,822, the ministry said.",
        "150",
        {"subject": "Palestinians", "location": "Gaza"},
        id="home-place-gives-way-to-a-place-inside-it",
    ),
    pytest.param(
        "DETROIT, Michigan - Rivian delivered 13,972 vehicles in the third quarter.",
        "13,972",
        {"unit": "deliveries", "subject": "Rivian"},
        id="company-name-before-its-verb-after-a-dateline",
    ),
    pytest.param(
        "In China, BYD delivered 526,409 vehicles. Elsewhere, Rivian delivered 13,972 "
        "vehicles in the quarter. Over the year the carmaker delivered 50,122 vehicles.",
        "50,122",
        {"unit": "deliveries", "subject": "Rivian"},
        id="the-carmaker-is-the-name-last-read-as-a-subject",
    ),
    pytest.param(
        "Sales slowed in 2023. In the quarter, Rivian delivered 13,972 vehicles.",
        "13,972",
        {"unit": "deliveries", "subject": "Rivian"},
        id="company-name-after-a-comma",
    ),
    pytest.param(
        "Some 90,000 refugees from Syria now live in Jordan.",
        "Some 90,000",
        {"unit": "refugees", "subject": "Syria", "location": "Jordan"},
        id="refugees-from-a-country-are-its-people-elsewhere",
    ),
    pytest.param(
        "Officials counted 12,000 people from Syria at the camp.",
        "12,000",
        {"unit": "people", "subject": "Syria", "location": None},
        id="people-from-a-country-are-not-at-home",
    ),
    pytest.param(
        "The number of refugees from Syria rose to 6.5 million, the agency said.",
        "6.5 million",
        {"unit": "refugees", "subject": "Syria"},
        id="origin-after-a-noun-before-the-figure",
    ),
    pytest.param(
        "The number of refugees from Syria reached 5.6 million, the agency said.\n\n"
        "Turkey accounted for the largest number, 3.6 million. Lebanon followed with 840,000.",
        "840,000",
        {"unit": "refugees", "subject": "Syria", "location": "Lebanon"},
        id="breakdown-by-place-across-a-paragraph",
    ),
    pytest.param(
        "The number of refugees from Syria reached 5.6 million, the agency said.\n\n"
        "Turkey accounted for the largest number, 3.6 million. Lebanon followed with 840,000.",
        "5.6 million",
        {"unit": "refugees", "location": None},
        id="a-part-lends-no-place-to-the-whole",
    ),
    pytest.param(
        "Jordan hosts 650,000 refugees, then Iraq with 260,000 and Egypt with 150,000.",
        "150,000",
        {"unit": "refugees", "location": "Egypt"},
        id="coordinated-breakdown-takes-its-own-place",
    ),
    pytest.param(
        "More than 1.2 million Iraqis have been killed, a poll found.\n\n"
        "In Baghdad nearly one household in two had lost a member.",
        "two",
        {"unit": None},
        id="one-in-two-is-no-count",
    ),
    pytest.param(
        "Prices rose 4% in April, above the Bank of England's 2% target.",
        "2%",
        {"subject": None, "location": None},
        id="a-place-in-an-institution-name-is-not-the-place",
    ),
    pytest.param(
        "The central bank raised its key rate to 5.25% on Thursday.",
        "5.25%",
        {"unit": "percent", "measure": "interest-rate"},
        id="key-rate-is-a-rate",
    ),
    pytest.param(
        "Analysts watch Rivian closely. Rivian built 14,000 vehicles in the quarter.",
        "14,000",
        {"measure": None, "unit": "production", "subject": "Rivian"},
        id="built-counts-production",
    ),
    pytest.param(
        "Over the year Rivian shifted 50,000 trucks.",
        "50,000",
        {"unit": "deliveries", "subject": "Rivian"},
        id="shifted-counts-deliveries",
    ),
    pytest.param(
        "Tesla sold 480,000 cars. China's Nio, however, sold 20,000 cars in the quarter.",
        "20,000",
        {"unit": "deliveries", "subject": "Nio"},
        id="name-before-an-aside",
    ),
    pytest.param(
        "Analysts watch Rivian closely. "
        "Rivian delivered 13,000 vehicles, up 10% from a year ago, and built 14,000.",
        "14,000",
        {"unit": "production", "subject": "Rivian"},
        id="coordinated-verb-shares-the-name",
    ),
    pytest.param(
        "British troops in Africa have been attacked about 40 times this year: "
        "25 times in Mali and 15 times in Niger.",
        "about 40",
        {"unit": "attacks", "location": "Mali+Niger"},
        id="a-whole-broken-down-by-place-is-their-union",
    ),
    pytest.param(
        "Britain has 900 troops in Estonia and about 150 in Poland.",
        "900",
        {"unit": "troops", "location": "Estonia"},
        id="one-elided-part-is-no-breakdown",
    ),
    pytest.param(
        "Rivian's deliveries fell in 2024. The company delivered 50,000 vehicles last year. "
        "Rivian produced 49,000 vehicles over the year.",
        "50,000",
        {"unit": "deliveries", "subject": "Rivian"},
        id="a-name-that-opens-two-sentences-is-the-company",
    ),
    pytest.param(
        "Inflation fell to 3% in May. Inflation in services stayed high.",
        "3%",
        {"subject": None},
        id="a-measure-opening-two-sentences-is-no-name",
    ),
    pytest.param(
        "Officials lowered the number of people killed in the Oct. 7 Russian attack to 45.",
        "45",
        {"unit": "deaths", "subject": None},
        id="a-date-does-not-stop-the-walk-to-the-count-noun",
    ),
    pytest.param(
        "Officials said consumer price inflation in the United Kingdom rose to 4% in May.",
        "4%",
        {"subject": "UK", "location": "United Kingdom"},
        id="a-rate-in-a-country-is-the-country-s",
    ),
    pytest.param(
        "More than 300,000 Syrians have died in the war, monitors said. "
        "A study counted 400,000 excess deaths.",
        "400,000",
        {"unit": "excess-deaths", "location": "Syria"},
        id="people-counted-in-an-article-share-its-one-place",
    ),
    pytest.param(
        "A survey put the death toll at 42,000 by March 2019, but the margin is wide: the "
        "true figure could lie anywhere between 21,000 and 63,000, the authors said.",
        "between 21,000 and 63,000",
        {"unit": "deaths", "start": None, "end": dt.date(2019, 3, 31)},
        id="an-estimate-s-margin-counts-and-is-dated-as-the-estimate",
    ),
    pytest.param(
        "The study estimates 75,000 deaths in 2021, with an uncertainty range of 60,000 "
        "to 90,000 deaths.",
        "60,000 to 90,000",
        {"unit": "deaths", "year": 2021},
        id="a-margin-with-its-own-noun-is-dated-as-the-estimate",
    ),
    pytest.param(
        "The shelling pushed the death toll in the province past 2,000.",
        "2,000",
        {"unit": "deaths"},
        id="a-count-noun-linked-by-past",
    ),
    pytest.param(
        "Russian missiles killed 14 people overnight, officials said, bringing the toll "
        "since the offensive began to 1,400 dead.",
        "1,400",
        {"unit": "deaths", "subject": None},
        id="the-dead-are-not-the-sentence-opening-agent-s",
    ),
    pytest.param(
        "The Dutch government cut its contingent to 400 in 2019.",
        "400",
        {"unit": "troops"},
        id="contingent-is-a-troops-noun",
    ),
    pytest.param(
        "Inflation slowed to 3.2 per cent in March. Food prices eased for a sixth month, "
        "the Office for National Statistics said.",
        "3.2 per cent",
        {"measure": "inflation", "subject": "UK", "location": "United Kingdom"},
        id="a-rate-is-where-the-article-s-statistics-office-is",
    ),
    pytest.param(
        "Inflation slowed to 3.2 per cent in March. The Office for National Statistics and "
        "the Bureau of Labor Statistics publish their figures a week apart.",
        "3.2 per cent",
        {"measure": "inflation", "subject": None, "location": None},
        id="sources-of-two-places-give-none",
    ),
    pytest.param(
        "The death toll rose to 1,450, health officials in Gaza said.",
        "1,450",
        {"unit": "deaths", "subject": "Palestinians", "location": "Gaza"},
        id="a-toll-is-where-the-local-health-ministry-is",
    ),
    pytest.param(
        "Rivian shipped 13,588 trucks in the second quarter.",
        "13,588",
        {"unit": "deliveries", "subject": "Rivian"},
        id="a-name-opening-a-sentence-before-a-measure-verb-is-its-doer",
    ),
    pytest.param(
        "Production in the quarter reached 439,701 vehicles.",
        "439,701",
        {"unit": "production"},
        id="a-measure-linked-before-a-plain-noun-is-what-it-counts",
    ),
    pytest.param(
        "Russian forces have killed more than 3,000 militants since March, the army said.",
        "more than 3,000",
        {"unit": "fighters", "subject": None},
        id="fighters-an-army-says-it-killed-are-fighters-not-its-own",
    ),
    pytest.param(
        "The British charity says the toll in the province has reached 4,100.",
        "4,100",
        {"unit": "deaths", "subject": None},
        id="an-adjective-before-a-non-people-noun-is-not-whose-the-dead-are",
    ),
    pytest.param(
        "US troops in Iraq and Syria have come under attack 40 times since October, officials "
        "said. Most of the attacks were claimed by militias in Iraq. At least 20 US troops "
        "have been injured.",
        "At least 20",
        {"unit": "injured", "location": "Iraq+Syria"},
        id="the-article-s-place-is-the-lead-s-places-with-the-most-named-one",
    ),
    pytest.param(
        "Inflation jumped to 6.1 per cent yesterday, official figures showed.",
        "6.1 per cent",
        {"measure": "inflation", "start": dt.date(2024, 4, 1), "end": dt.date(2024, 4, 30)},
        id="a-monthly-rate-reported-on-a-day-is-the-month-before-s",
    ),
    pytest.param(
        "Inflation held at 3.2% in March, official figures showed.",
        "3.2%",
        {"measure": "inflation", "start": dt.date(2024, 3, 1), "end": dt.date(2024, 3, 31)},
        id="a-monthly-rate-with-its-month-keeps-it",
    ),
    pytest.param(
        "Core inflation eased to 3.5%, and inflation in services eased to 5.7%.",
        "3.5%",
        {"measure": "inflation-core"},
        id="a-rate-noun-after-a-comma-and-is-the-next-clause-s",
    ),
    pytest.param(
        "Rivian delivered 50,122 vehicles last year, up 20% from 2022.",
        "20%",
        {"measure": "deliveries", "kind": "change"},
        id="a-percentage-change-right-after-a-count-is-the-count-s",
    ),
    pytest.param(
        "Rivian delivered 50,122 vehicles last year, about 1% fewer than the 50,629 it "
        "delivered in 2023.",
        "50,629",
        {"unit": "deliveries"},
        id="a-count-after-a-percentage-never-borrows-percent",
    ),
    pytest.param(
        "On average 40 Syrians died each day in the first year of the siege.",
        "40",
        {"unit": "deaths", "subject": "Syria"},
        id="the-noun-phrase-ends-at-its-measure-verb",
    ),
    pytest.param(
        "Militias have attacked British forces 30 times since March. Officials said 12 "
        "British troops had been injured. Seven were diagnosed with traumatic brain injuries.",
        "Seven",
        {"subject": "UK"},
        id="a-figure-takes-the-one-side-the-article-s-counts-name",
    ),
    pytest.param(
        "Fighting eased after a truce in Gaza: by Friday the army had counted 78 attacks.",
        "78",
        {"unit": "attacks", "location": None},
        id="a-place-across-a-colon-is-another-clause-s",
    ),
    pytest.param(
        "About 6 million Syrians have fled abroad. The UN refugee agency lists 3.1 million "
        "refugees in Turkey, and Germany has taken in some 700,000.",
        "some 700,000",
        {"unit": "refugees", "subject": "Syria", "location": "Germany"},
        id="a-host-country-is-where-refugees-are-not-whose",
    ),
    pytest.param(
        "The UN refugee agency lists 3.1 million refugees in Turkey.",
        "3.1 million",
        {"unit": "refugees", "subject": None},
        id="a-source-named-with-a-measure-noun-is-no-subject",
    ),
    pytest.param(
        "The CPIH measure, which adds owner occupiers' housing costs and is the preferred "
        "gauge of the statistics office, rose by 7.8% over the year.",
        "7.8%",
        {"measure": "inflation-cpih"},
        id="a-rate-noun-before-an-aside",
    ),
    pytest.param(
        "Inflation fell to 4.6% in October. The drop was bigger than the 4.8% economists "
        "had predicted.",
        "4.8%",
        {"measure": "inflation-forecast"},
        id="a-percentage-before-who-predicted-it-continues-the-rate",
    ),
    pytest.param(
        "Some 300,000 Syrians have died as a result of the war, a study found.",
        "Some 300,000",
        {"unit": "excess-deaths"},
        id="died-as-a-result-of-counts-excess-deaths",
    ),
    pytest.param(
        "Some 300,000 Syrians have been killed in the war, monitors said.",
        "Some 300,000",
        {"unit": "deaths"},
        id="killed-counts-violent-deaths",
    ),
    pytest.param(
        "Some 40 soldiers were hurt when drones hit the base.",
        "Some 40",
        {"unit": "injured"},
        id="hurt-counts-the-injured",
    ),
    pytest.param(
        "The quake injured 2,059 people. The quake, of magnitude 6.8, was the strongest.",
        "6.8",
        {"unit": None},
        id="a-decimal-continues-no-count",
    ),
    pytest.param(
        "The unemployment rate rose to 3.9% in February from 3.7% in January, the Labor "
        "Department said.",
        "3.7%",
        {"measure": "unemployment", "subject": "US", "location": "United States"},
        id="a-rate-s-earlier-reading-after-from",
    ),
    pytest.param(
        "Unemployment hit 4.1% last month, the government said.",
        "4.1%",
        {"measure": "unemployment", "subject": None},
        id="a-percentage-takes-no-count-verb-and-a-measure-opening-is-no-name",
    ),
    pytest.param(
        "There were 1,045,854 people from Ukraine in the register, a spokesman told "
        "reporters in Berlin.",
        "1,045,854",
        {"location": None},
        id="where-a-figure-was-said-is-not-where-it-is",
    ),
    pytest.param(
        "The carmaker handed over 450,278 vehicles in the quarter, the company said, after "
        "price cuts in China.",
        "450,278",
        {"unit": "deliveries", "location": None},
        id="handed-over-and-no-place-past-the-saying",
    ),
    pytest.param(
        "About 6 million Syrians have fled abroad. Worldwide, a record 117.3 million people "
        "had been displaced by the end of last year.",
        "117.3 million",
        {"unit": "displaced", "location": "World"},
        id="people-counted-worldwide-are-the-world-s",
    ),
    pytest.param(
        "In Gaza, the ministry says more than 11,000 people have been killed in Israel's "
        "retaliatory campaign.",
        "more than 11,000",
        {"unit": "deaths", "location": "Gaza"},
        id="whose-campaign-is-not-where",
    ),
    pytest.param(
        "Deliveries grew 38% in 2023, while production rose 35% to 1.85 million vehicles.",
        "1.85 million",
        {"unit": "production"},
        id="a-level-after-rose-n-percent-to",
    ),
    pytest.param(
        "Deliveries rose to 495,570 but missed the 506,763 expected by analysts.",
        "506,763",
        {"measure": "deliveries-forecast"},
        id="a-figure-expected-continues-the-count-as-a-forecast",
    ),
    pytest.param(
        "The army said its troops had killed about 3,000 militants in Gaza since the truce.",
        "about 3,000",
        {"unit": "deaths", "subject": "Hamas", "location": "Gaza"},
        id="fighters-killed-in-a-place-are-its-armed-group-s-dead",
    ),
    pytest.param(
        "The army said it had killed 400 Hezbollah fighters since October.",
        "400",
        {"unit": "deaths", "subject": "Hezbollah"},
        id="fighters-killed-of-a-named-group-are-its-dead",
    ),
    pytest.param(
        "The army said it had killed 2,000 fighters in Khan Yunis, and later put the "
        "figure across the strip at 5,000.",
        "5,000",
        {"unit": "deaths", "subject": "Hamas"},
        id="a-later-count-of-the-fighters-killed-is-the-same-count",
    ),
    pytest.param(
        "Gunmen stormed northern Iraq in June, killing 300 people.",
        "300",
        {"unit": "deaths", "subject": "Iraq", "location": "Iraq"},
        id="a-place-stormed-is-where-its-toll-is",
    ),
    pytest.param(
        "A car bomb killed 12 people in Baghdad on Sunday.",
        "12",
        {"unit": "deaths", "subject": "Iraq", "location": "Baghdad"},
        id="the-dead-of-a-place-are-its-own",
    ),
    pytest.param(
        "A second survey put the excess toll at about 40,000.",
        "about 40,000",
        {"unit": "excess-deaths"},
        id="a-noun-before-is-read-whole-excess-toll-not-toll",
    ),
    pytest.param(
        "Ford recalled 1.9 million vehicles in March to fix a camera fault.",
        "1.9 million",
        {"unit": "recalls", "subject": "Ford"},
        id="recalled-counts-recalls",
    ),
    pytest.param(
        "The carmaker faces scrutiny in the United States and recalled 300,000 cars in May.",
        "300,000",
        {"unit": "recalls", "subject": None, "location": "United States"},
        id="a-place-after-in-the-is-no-actor",
    ),
    pytest.param(
        "The group sold 120,000 vans in the quarter, most of them in Germany.",
        "120,000",
        {"unit": "deliveries", "location": None},
        id="a-part-s-place-is-not-the-whole-s",
    ),
    pytest.param(
        "Researchers estimate that 650,000 Iraqis have died as a consequence of the war. "
        "Of those deaths, the authors attribute 600,000 to violence.",
        "600,000",
        {"unit": "deaths"},
        id="a-continued-count-put-down-to-violence-is-violent-deaths",
    ),
    pytest.param(
        "About 40,000 more people died in the region last year than would have died in a "
        "normal year, officials said.",
        "About 40,000",
        {"unit": "excess-deaths", "kind": "level"},
        id="more-than-would-have-died-is-excess-deaths-not-a-change",
    ),
    pytest.param(
        "The agency said 500 people had been killed. Its tally, which does not separate "
        "civilians from fighters, passed 900 on Friday.",
        "passed 900",
        {"unit": "deaths"},
        id="a-noun-in-a-relative-clause-is-not-the-figure-s",
    ),
    pytest.param(
        "As of 2 January there were 900,000 people from Syria in Germany, a spokesman said.",
        "900,000",
        {"unit": "refugees", "subject": "Syria", "location": "Germany"},
        id="people-from-a-country-counted-in-another-are-refugees",
    ),
    pytest.param(
        "Turkish authorities said the count of people arriving from Syria had passed 3.5 million.",
        "passed 3.5 million",
        {"unit": "refugees", "subject": "Syria", "location": "Turkey"},
        id="people-arriving-from-a-country-counted-by-a-host-are-its-refugees",
    ),
    pytest.param(
        "Some 200 people from Britain were at the rally.",
        "Some 200",
        {"unit": "people", "location": None},
        id="people-from-a-country-counted-nowhere-else-are-people",
    ),
]


@pytest.mark.parametrize(("text", "figure", "expected"), CASES)
def test_frame(text: str, figure: str, expected: dict[str, Any]) -> None:
    claims = numcheck.extract(text, published=ANCHOR)
    [claim] = [c for c in claims if c.text == figure]
    got: dict[str, Any] = {
        "unit": claim.unit,
        "measure": claim.measure,
        "subject": claim.subject,
        "location": claim.location,
        "qualifier": claim.qualifier,
        "kind": claim.kind,
        "basis": claim.time.basis,
        "start": claim.time.start,
        "end": claim.time.end,
        "year": (claim.time.end or claim.time.start or dt.date.min).year,
    }
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "figure", "direction"),
    [
        pytest.param("The Pentagon is sending another 1,500 troops.", "1,500", "up", id="another"),
        pytest.param("Britain will send an extra 21,500 troops.", "21,500", "up", id="an-extra"),
        pytest.param("The toll rose by 5% in a week.", "5%", "up", id="rose-by"),
        pytest.param(
            "Support was down 3 percentage points.", "3 percentage points", "down", id="down-points"
        ),
        pytest.param("The army cut 2,000 troops from the mission.", "2,000", "down", id="cut"),
        pytest.param("They sent 1,500 more troops to Syria.", "1,500", "up", id="n-more"),
        pytest.param("The number of attacks doubled.", "doubled", "up", id="doubled"),
    ],
)
def test_changes_are_not_levels(text: str, figure: str, direction: str) -> None:
    [claim] = [c for c in numcheck.extract(text, published=ANCHOR) if c.text == figure]
    assert (claim.kind, claim.direction) == ("change", direction)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The toll rose to 5,000 by March.", id="rose-to-is-a-level"),
        pytest.param("There are 2,500 troops in Iraq.", id="plain-level"),
    ],
)
def test_levels(text: str) -> None:
    assert [c.kind for c in numcheck.extract(text, published=ANCHOR)] == ["level"]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        pytest.param("The two sides met in Doha.", "two", id="the-two-sides"),
        pytest.param("It was the one who paid.", "one", id="the-one-who"),
        pytest.param("He is one of the commanders.", "one", id="one-of-the"),
        pytest.param("The 2003 invasion changed Iraq.", "2003", id="year-as-adjective"),
        pytest.param("Talks began on March 3 in Baghdad.", "March 3", id="date"),
        pytest.param("The first round ended.", "first", id="ordinal"),
        pytest.param("Licensed under Creative Commons Attribution 4.0.", "4.0", id="version"),
        pytest.param("A drone struck Tower 22 in Jordan.", "22", id="a-number-in-a-name"),
        pytest.param(
            "The Army named the soldiers: Sgt. William Rivers, 46, and Kennedy Sanders, 24.",
            "46",
            id="an-age-after-a-name",
        ),
        pytest.param("Output of the new Model 3 slowed.", "3", id="a-model-number"),
        pytest.param(
            "The toll is about three times the count kept by monitors.",
            "about three",
            id="n-times-the-is-a-ratio",
        ),
        pytest.param(
            "About 2,000 troops are there, four times the figure of 503 it had cited.",
            "four times",
            id="a-multiplier-before-the-is-a-ratio",
        ),
        pytest.param(
            "Licensed under Creative Commons 4.0.",
            "4.0",
            id="version-after-name",
            marks=pytest.mark.xfail(
                strict=True, reason="number layer: X.0 after a name at sentence end is read as 4"
            ),
        ),
    ],
)
def test_not_claims(text: str, figure: str) -> None:
    assert figure not in [c.text for c in numcheck.extract(text, published=ANCHOR)]


def test_an_elided_figure_counts_over_the_same_period() -> None:
    text = "On average 40 people died each day in 2015, 35 a day in 2016 and 31 in 2017."
    claims = {c.text: c for c in numcheck.extract(text, published=ANCHOR)}
    assert [(claims[f].statistic, claims[f].period) for f in ("35", "31")] == [
        ("flow", "day"),
        ("flow", "day"),
    ]


def test_the_blast_is_the_article_s_blast() -> None:
    text = (
        "At least 40 people were killed in Tuesday's blast at a market in Kharkiv, officials "
        "said on Thursday. The regional governor said 52 people died in the blast."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2024-05-10")}
    assert claims["52"].event == claims["At least 40"].event == "attack 2024-05-07"
    assert claims["52"].time.start == dt.date(2024, 5, 7)


def test_a_breakdown_is_counted_as_of_the_day_of_its_count() -> None:
    text = (
        "Refugees from Sudan recorded in neighbouring countries reached 1,200,000 as of "
        "3 March, the agency said.\n\nChad accounted for the largest number, 590,000."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2024-03-06")}
    assert claims["590,000"].time.start == claims["1,200,000"].time.start == dt.date(2024, 3, 3)


def test_a_breakdown_s_later_members_are_counted_as_of_the_same_day() -> None:
    text = (
        "Refugees from Sudan recorded in neighbouring countries reached 1,200,000 as of "
        "3 March, the agency said.\n\nChad accounted for the largest number, 590,000, then "
        "Uganda with 520,000 and Egypt with 450,000."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2024-03-06")}
    days = {claims[n].time.start for n in ("590,000", "520,000", "450,000")}
    assert days == {dt.date(2024, 3, 3)}


def test_a_part_with_no_place_of_its_own_is_a_part() -> None:
    text = (
        "Officials said 45 of the injuries came from the attacks on Oct. 17 and 18 — 32 at "
        "the Tanf garrison and 13 at the Asad air base."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2023-11-07")}
    assert claims["45"].statistic == "running_total"
    assert (claims["13"].statistic, claims["13"].as_of) == ("share", None)


def test_a_toll_restated_is_the_toll_of_its_incident() -> None:
    text = (
        "Three dozen soldiers were hurt when militants fired rockets at the base last week, "
        "officials admitted.\n\nThe army said 36 soldiers suffered minor injuries: 30 at "
        "the main base and six at a nearby post."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2024-03-06")}
    first, again = claims["Three dozen"], claims["36"]
    assert (again.event, again.time) == (first.event, first.time) == ("attack", first.time)
    assert first.time.start == dt.date(2024, 2, 26)


@pytest.mark.parametrize(
    ("text", "statistic"),
    [
        pytest.param(
            "Consumer prices rose by an annual 6.7 per cent in September, the statistics "
            "office said. The CPIH measure, which adds owner occupiers' housing costs, rose "
            "6.3 per cent.",
            ("rate", "year"),
            id="the-paragraph-s-horizon",
        ),
        pytest.param(
            "Consumer prices rose by an annual 6.7 per cent in September.\n\nThe CPIH "
            "measure rose 6.3 per cent.",
            ("change", None),
            id="not-past-its-paragraph",
        ),
    ],
)
def test_a_rate_s_rise_with_no_horizon_takes_its_paragraph_s(
    text: str, statistic: tuple[str, str | None]
) -> None:
    claims = {c.text: c for c in numcheck.extract(text, published="2023-10-18")}
    assert (claims["6.3 per cent"].statistic, claims["6.3 per cent"].period) == statistic


def test_a_count_carried_from_a_quarter_counts_over_the_quarter() -> None:
    text = (
        "Tesla delivered 1,789,226 vehicles in 2024, its first annual fall. Fourth-quarter "
        "deliveries rose to 495,570, but missed the 506,763 expected by analysts.\n\n"
        "A poll by another firm had pointed to 504,770."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2025-01-03")}
    assert claims["504,770"].period == claims["506,763"].period == "quarter"


def test_a_count_given_before_is_counted_to_the_day_before_its_report() -> None:
    text = (
        "Officials lowered their estimate of the dead in the May 4 blast to 80, from the 95 "
        "they had given for days, a spokesman said on Friday."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2024-05-18")}
    assert claims["80"].as_of == dt.date(2024, 5, 17)
    assert claims["95"].as_of == claims["95"].time.end == dt.date(2024, 5, 16)


def test_an_earlier_incident_recalled_takes_no_place_from_the_article() -> None:
    text = (
        "More than 25,000 Palestinians have been killed in Gaza, the ministry said on "
        "Sunday. Israel began its offensive after the Oct. 7 attack in which about 1,200 "
        "people were killed."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2024-01-21")}
    recalled = claims["about 1,200"]
    assert (recalled.event, recalled.subject, recalled.location) == (
        "attack 2023-10-07",
        None,
        None,
    )
    assert claims["More than 25,000"].key == "deaths|Palestinians|Gaza"


def test_a_study_s_totals_are_counted_to_the_day_it_covers() -> None:
    text = (
        "An estimated 98,000 people have died since the invasion, researchers said on "
        "Wednesday. The survey covers the period to the end of June 2006."
    )
    [claim] = numcheck.extract(text, published="2006-10-12")
    assert claim.as_of == claim.time.end == dt.date(2006, 6, 30)


def test_a_sentence_s_one_dated_incident_is_its_other_tolls_incident() -> None:
    text = (
        "More than 40 soldiers were injured in Sunday's drone attack on the base, the army "
        "said on Tuesday, as it named the three soldiers who were killed."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2024-01-31")}
    assert claims["three"].event == claims["More than 40"].event == "attack 2024-01-28"


def test_a_target_with_no_time_of_its_own_has_none() -> None:
    text = (
        "Tesla delivered 405,278 cars in the fourth quarter. Chief executive Elon Musk had "
        "promised investors average annual growth of 50% in deliveries over several years."
    )
    [target] = [c for c in numcheck.extract(text, published="2023-01-03") if c.text == "50%"]
    assert target.time.basis == "unknown"


def test_no_publication_date_means_unknown_time() -> None:
    [claim] = numcheck.extract("There are 2,500 US troops in Iraq.")
    assert claim.time.basis == "unknown"
    assert (claim.time.start, claim.time.end) == (None, None)


def test_article_main_place_is_the_fallback() -> None:
    text = (
        "Fighting in Syria went on. Aid reached Syria late. Syria's north was hit.\n"
        "A later raid killed 12."
    )
    [claim] = numcheck.extract(text, published=ANCHOR)
    assert (claim.unit, claim.location) == ("deaths", "Syria")


def test_a_town_s_mentions_count_for_its_named_country_as_main_place() -> None:
    # Gaza once, but Rafah is in it: the article is about Gaza, not Egypt
    text = (
        "Medics said strikes hit Rafah overnight. Aid agencies in Gaza warned "
        "of famine. Egypt kept the crossing shut.\n"
        "A later raid killed 40, officials said."
    )
    [claim] = [c for c in numcheck.extract(text, published=ANCHOR) if c.text == "40"]
    assert claim.location == "Gaza"


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        pytest.param(
            "Militias have launched more than 90 attacks on US bases since October, officials "
            "said.\n\nForty US troops have been hurt in the strikes on outposts in Iraq and "
            "Syria.",
            "more than 90",
            "Iraq+Syria",
            id="attacks-are-where-the-people-they-hurt-are",
        ),
        pytest.param(
            "US forces have been attacked about 50 times since May: 20 times in Iraq and 30 "
            "times in Syria.\n\nTroops have suffered about 40 injuries in those attacks, an "
            "official said.",
            "about 40",
            "Iraq+Syria",
            id="people-hurt-are-where-the-whole-of-the-attacks-is",
        ),
    ],
)
def test_people_and_the_incidents_that_hurt_them_share_a_place(
    text: str, figure: str, place: str
) -> None:
    [claim] = [c for c in numcheck.extract(text, published=ANCHOR) if c.text == figure]
    assert claim.location == place


@pytest.mark.parametrize(
    ("text", "period"),
    [
        pytest.param(
            "On the month, the consumer prices index rose by 1.2%.", "month", id="on-the-month"
        ),
        pytest.param(
            "On a monthly basis, consumer prices gained 2.1 per cent.",
            "month",
            id="on-a-monthly-basis",
        ),
        pytest.param(
            "Prices rose 2% on the month, and the CPIH index rose 8.7%.",
            None,
            id="not-from-another-figure-s-clause",
        ),
    ],
)
def test_a_rate_s_horizon_may_open_its_sentence(text: str, period: str | None) -> None:
    claim = numcheck.extract(text, published=ANCHOR)[-1]
    assert (claim.statistic, claim.period) == ("change", period)


def test_packaged_framer_is_built_once() -> None:
    from numcheck._frame import Framer

    assert Framer.of(None) is Framer.of(None)
    assert Framer.of(numcheck.load_lexicon()) is not Framer.of(None)
