"""The grammar of address (S007, S008; seolint/checks/address.py): sentences to the one who
asked for the draft, about the draft, found by their clause's shape, and the sentences a
post says to its own readers in the same shapes, which must stay quiet."""

from __future__ import annotations

import pytest

from tests.conftest import lint

LEFTOVER = ("S", "L001", "H006")
_BODY = [
    "Vector reads logs from files, sockets and journald, and ships them wherever you point it. "
    "It is one static binary with a config file, which makes it easy to run next to every service.",
    "## Sources",
    "A source is where events come from. The file source tails paths that match a glob and keeps "
    "a checkpoint per file, so a restart picks up where it stopped.",
    "The journald source reads the systemd journal directly. It needs read access to the journal "
    "directory, which the packaged unit file grants.",
    "Sockets accept syslog or raw lines over TCP and UDP. Put them behind a load balancer only if "
    "every agent can take any sender's traffic.",
    "## Transforms",
    "Transforms reshape events between sources and sinks. The remap transform runs a small "
    "language that parses, renames and drops fields.",
    "Parsing at the edge costs CPU on every host, but it keeps the central cluster simple. Most "
    "teams parse JSON at the agent and leave the rest for later.",
    "Sampling belongs in a transform too: drop debug lines before they leave the host, not after "
    "they cross the network.",
    "Buffers decide what happens when a sink is slow. A disk buffer survives restarts; a memory "
    "buffer is faster and forgets.",
    "Once the pipeline works on one host, roll it out with the same config everywhere and watch "
    "the component metrics for dropped events.",
]
_FIRST = 3  # the line the first paragraph is on


def draft(sentence: str, place: str) -> tuple[str, int]:
    """A short post about Vector with `sentence` as its own paragraph at `place` ("opening",
    "middle", "closing"), or `sentence` itself a paragraph of the body ("inline": it replaces
    the fifth one), and the line it is on."""
    blocks = list(_BODY)
    at = {"opening": 0, "middle": 6, "closing": len(blocks), "inline": 4}[place]
    if place == "inline":
        blocks[at] = sentence
    else:
        blocks.insert(at, sentence)
    return "# Shipping logs with Vector\n\n" + "\n\n".join(blocks) + "\n", _FIRST + 2 * at


def leftover_lines(text: str) -> list[tuple[int, str]]:
    return [(f.span.line, f.code) for f in lint(text) if f.code.startswith(LEFTOVER)]


# The assistant on itself and its output; directives on the draft's material; offers about the
# draft; notes by their place. Each: the sentence, where it stands, the code reported on its line.
SAID = [
    # (a) the assistant about itself or its output
    ("I kept the intro under a hundred words so the first screen gets to the point.", "closing", "S007"),
    (
        "I've assumed you run Postgres 16; older releases lack the MERGE syntax used in the examples.",
        "closing",
        "S007",
    ),
    ("I wasn't able to verify the benchmark results against a real cluster.", "closing", "S007"),
    ("My figures are illustrative rather than measured.", "closing", "S007"),
    (
        "These numbers are made up to show the shape of the curve, so replace them before publishing.",
        "closing",
        "S007",
    ),
    ("I went with a conversational tone since the brief mentioned junior developers.", "closing", "S007"),
    (
        "I guessed at the pricing for the enterprise tier, so treat that row as a placeholder.",
        "closing",
        "S007",
    ),
    ("I couldn't confirm the release date of 1.30, so treat it as approximate.", "closing", "S007"),
    ("I invented the customer name in the case study; swap in a real one.", "closing", "S007"),
    ("I left the conclusion open-ended so you can plug in your own call to action.", "closing", "S007"),
    ("All of the latency numbers here are placeholders until you run the load test.", "closing", "S007"),
    ("I structured the piece around the three questions your sales team keeps hearing.", "opening", "S007"),
    ("I haven't tested the code samples, so run them once before this goes live.", "closing", "S007"),
    # (b) directives to the writer about the draft's content
    ("Double-check the version numbers in the install section before this goes live.", "closing", "S007"),
    ("Please verify these figures against your own dashboards.", "closing", "S007"),
    ("Swap the placeholder screenshots for real captures from your staging environment.", "closing", "S007"),
    ("Replace the sample testimonial with a quote from an actual customer.", "closing", "S007"),
    ("Fill in the bracketed parts with your team's real numbers.", "closing", "S007"),
    ("Plug in your own benchmark results in the comparison table.", "closing", "S007"),
    ("Update the intro once the release date is confirmed.", "middle", "S007"),
    ("Tweak the headline if your audience prefers something less playful.", "closing", "S007"),
    ("Cite a source for the 60% adoption claim, or cut it.", "middle", "S007"),
    ("Link the migration guide wherever this section mentions it.", "middle", "S007"),
    ("Add a screenshot of the dashboard after the second step.", "middle", "S007"),
    ("You may want to source the churn statistic from your own analytics.", "closing", "S007"),
    (
        "Make sure the pricing in the table above still matches your plans page before publishing.",
        "closing",
        "S007",
    ),
    ("Insert a short quote from your on-call engineer here to make it personal.", "middle", "S008"),
    ("Before you publish, confirm the API limits I quoted with the platform team.", "closing", "S007"),
    (
        "It's worth checking the quoted error messages against the current release before posting.",
        "closing",
        "S007",
    ),
    ("Someone should fact-check the adoption figures in the opening paragraph.", "middle", "S007"),
    # (c) offers about the draft
    ("Should I expand the troubleshooting part into its own section?", "closing", "S007"),
    ("Would you like a version with code samples in Go as well?", "closing", "S007"),
    ("I can also produce a shorter cut for LinkedIn.", "closing", "S007"),
    ("Want a punchier title?", "closing", "S007"),
    ("Happy to rework the ending if it feels abrupt.", "closing", "S007"),
    ("Let me know if the tone should be more formal.", "closing", "S007"),
    ("I could turn the comparison into a table if that's easier to scan.", "closing", "S007"),
    ("If it helps, I can draft a matching meta description too.", "closing", "S007"),
    ("Can also split this into two shorter posts if it runs long for your blog.", "closing", "S007"),
    ("Should the sources section be trimmed to the three you cite most?", "closing", "S007"),
    # (d) notes by their place
    ("(Verify this number before publishing.)", "middle", "S007"),
    ("*Note: the throughput figures are estimates; rerun them on your own hardware.*", "closing", "S007"),
    ("> Reminder: swap in the real customer logo once legal approves.", "middle", "S007"),
    (
        "The buffer cut our dropped events by 38% (please confirm this figure with the SRE team) in the "
        "first month.",
        "inline",
        "S008",
    ),
    ("_Update the screenshot once the new UI ships._", "middle", "S007"),
    # more of each, in other words
    (
        "I based the latency numbers on public benchmarks, so swap them for your own measurements.",
        "closing",
        "S007",
    ),
    ("I left two placeholders in the pricing section.", "closing", "S007"),
    (
        "I've written this for a mid-level audience; tell me if you want it more introductory.",
        "closing",
        "S007",
    ),
    ("I wasn't sure which cloud you use, so the examples target AWS.", "closing", "S007"),
    ("The customer story in section two is fictional.", "closing", "S007"),
    (
        "Everything in the comparison table is approximate, so double-check it against vendor docs.",
        "closing",
        "S007",
    ),
    ("Please replace the example company name with yours.", "closing", "S007"),
    ("Be sure to fact-check the dates in the timeline.", "closing", "S007"),
    ("You'll want to add a link to your pricing page in the conclusion.", "closing", "S007"),
    ("Consider swapping the stock photo for a real screenshot of your dashboard.", "closing", "S007"),
    ("Don't forget to update the meta description if you change the title.", "closing", "S007"),
    ("Make sure to cite the Gartner report properly before this goes out.", "closing", "S007"),
    ("Feel free to cut the history section if it runs long.", "closing", "S007"),
    ("I could also write a short version for your newsletter.", "closing", "S007"),
    ("Would a version with Python examples be useful?", "closing", "S007"),
    ("Do you want me to add a FAQ?", "closing", "S007"),
    ("Shall I tighten the conclusion?", "closing", "S007"),
    ("Let me know which sections need more depth.", "closing", "S007"),
    ("Glad to adjust the tone if it reads too casual.", "closing", "S007"),
    ("If you'd rather lead with the incident story, I can restructure the intro.", "closing", "S007"),
    ("(Add a diagram of the request flow here.)", "middle", "S008"),
    ("[Replace with a real quote from the team.]", "middle", "S008"),
    ("(Double-check this stat — I couldn't find the original source.)", "middle", "S008"),
    (
        "**Note:** the throughput numbers are rough estimates; verify them on your own cluster.",
        "closing",
        "S007",
    ),
    ("P.S. I kept British spelling since your site uses it.", "closing", "S007"),
    ("I've drafted the post below with a focus on practical steps.", "opening", "S007"),
    ("These benchmarks are illustrative only.", "closing", "S007"),
    ("The stats in the intro are placeholders.", "closing", "S007"),
    # a third batch, written after the grammar was
    (
        "I chose Helm over Kustomize for the examples because the brief mentioned existing charts.",
        "closing",
        "S007",
    ),
    ("I skipped the section on mTLS to keep the word count down.", "closing", "S007"),
    ("I haven't verified the throughput numbers, so treat them as rough.", "closing", "S007"),
    ("I was unable to check the current pricing, so please confirm it.", "closing", "S007"),
    ("My numbers are placeholders; swap in yours.", "closing", "S007"),
    ("The quotes attributed to the SRE team are invented for illustration.", "closing", "S007"),
    ("All statistics in this draft are illustrative.", "closing", "S007"),
    ("Please double-check the release dates above.", "closing", "S007"),
    ("Replace the sample latency figures with measurements from production.", "closing", "S007"),
    ("Remember to link the incident report where the outage is mentioned.", "closing", "S007"),
    ("You should add an architecture diagram under the first heading.", "closing", "S007"),
    ("Add a screenshot of the Grafana panel here.", "closing", "S008"),
    ("Swap in your own company name throughout.", "closing", "S007"),
    ("Cite the SLO numbers before publishing.", "closing", "S007"),
    ("Make sure these figures match your dashboard before posting.", "closing", "S007"),
    ("Want me to draft a LinkedIn post to go with this?", "closing", "S007"),
    ("Should I add a section on retries?", "closing", "S007"),
    ("I can also make a shorter version for the newsletter if that helps.", "closing", "S007"),
    ("Happy to expand the troubleshooting section.", "closing", "S007"),
    ("Let me know if the length works or if you'd like it trimmed.", "closing", "S007"),
    ("Would you prefer a more formal tone?", "closing", "S007"),
    ("If you'd like, I could rework the intro around the outage story.", "closing", "S007"),
    ("Do you need a meta description as well?", "closing", "S007"),
    ("(I made up these numbers; please replace them.)", "middle", "S007"),
    ("(Insert a quote from the on-call engineer here.)", "middle", "S008"),
    ("Note: the benchmark figures are approximate and should be verified.", "closing", "S007"),
    ("PS: I kept the code in Python since your team uses it.", "closing", "S007"),
    ("Quick note before the draft: I assumed your readers know Kubernetes basics.", "opening", "S007"),
    ("Tweak the conclusion so it points to your own product.", "closing", "S007"),
    ("Feel free to rename the headings to fit your blog.", "closing", "S007"),
]

# What a post says to its readers in the same shapes: the reader's system, the post's own
# narrative, questions and offers to readers, tutorial callouts.
NEAR = [
    ("Replace `example.com` with your domain.", "closing"),
    ("Verify the checksum before you install the package.", "closing"),
    ("Double-check your config for typos in the hostnames.", "closing"),
    ("I kept the config short so it fits on one screen.", "middle"),
    ("Update the version number in `Cargo.toml` and run the tests again.", "closing"),
    ("Swap the default allocator for jemalloc if fragmentation is a problem.", "closing"),
    ("Confirm that the pods restarted with `kubectl get pods`.", "closing"),
    ("Fill in the form with your organisation's details and submit it.", "middle"),
    ("Insert the USB key and reboot.", "middle"),
    ("Adjust the pool size to match your database's core count.", "closing"),
    ("Tweak the timeouts until the retries stop piling up.", "closing"),
    ("Let me know if you run into problems with the installer.", "closing"),
    ("Would you like to try it? Download the beta from the releases page.", "closing"),
    ("Should I use a mutex or a channel here? It depends on who owns the data.", "middle"),
    ("I can also recommend the official book for a deeper dive.", "closing"),
    ("Happy to help on the forum if you get stuck.", "closing"),
    ("I assumed the cache was warm, which turned out to be wrong.", "middle"),
    ("I wasn't able to reproduce the crash on Linux.", "closing"),
    ("My numbers came from a laptop, so your mileage will vary.", "closing"),
    ("These numbers are from the production cluster over a week of traffic.", "closing"),
    ("The figures above are medians of ten runs.", "closing"),
    ("Cite the RFC number in your commit message so reviewers can find it.", "closing"),
    ("Link the library statically to avoid the runtime dependency.", "closing"),
    ("Add a health check to the service definition.", "closing"),
    ("Source the environment file before running the script.", "closing"),
    ("Make sure the numbers in your `.env` file match the ports in the compose file.", "closing"),
    ("You may want to plug in a faster disk for the write-ahead log.", "closing"),
    ("Before you publish the package, confirm the version in `package.json`.", "closing"),
    ("If you want a shorter version of the config, drop the comments.", "closing"),
    ("Want a faster build? Turn on incremental compilation.", "closing"),
    ("Do you want to keep the old data? Then take a snapshot first.", "closing"),
    ("Check the numbers against the dashboard after each deploy.", "closing"),
    ("Replace the placeholder values in `config.yaml` with your credentials.", "closing"),
    ("(Replace `YOUR_TOKEN` with the token from step 2.)", "middle"),
    ("*Note: the API is rate limited to 100 requests per minute.*", "closing"),
    ("> **Tip:** double-check the region before creating the bucket.", "middle"),
    ("I went with SQLite because the data fits on one disk.", "middle"),
    ("I couldn't find any documentation on this flag, so I read the source.", "middle"),
    ("Feel free to open an issue if the examples don't work for you.", "closing"),
    ("In this post, I'll show how to cut cold starts in half.", "opening"),
    ("Update your intro paragraph so readers know what they'll learn.", "middle"),
    ("Let me know in the comments which version you prefer.", "closing"),
    ("I kept the examples in Go because that is what our services use.", "opening"),
    ("Should you upgrade now? Only if you use the new resolver.", "closing"),
    ("We made up a small dataset to show the effect.", "middle"),
    ("I've added a new section on retries since the first version of this post.", "opening"),
    ("If there's interest, I'll write a follow-up post on sinks.", "closing"),
    ("The numbers below are approximate and vary with the hardware.", "middle"),
    ("Run the migration after step 3, once the backup has finished.", "middle"),
    ("Test it before you publish the release notes.", "closing"),
    # more of the same shapes, from tutorials and posts' endings
    ("Feel free to skip the history section if you already know it.", "closing"),
    ("Please replace the bucket name with yours.", "closing"),
    ("I wasn't sure whether it would work, so I tested it twice.", "closing"),
    ("Would a cache be useful here? Only if reads dominate.", "closing"),
    ("Everything in the config file is optional.", "closing"),
    ("Tighten the bolts before you mount the rack.", "closing"),
    ("Cut the release branch once the tests pass.", "closing"),
    ("Update the table of contents in your README when you add a page.", "closing"),
    ("Add a table of the results to your report.", "closing"),
    ("Rewrite the query so it uses the index.", "closing"),
    ("Trim the log lines before shipping them.", "closing"),
    ("Expand the section of the config that sets the sinks.", "closing"),
    ("The numbers in this post are from our staging cluster.", "closing"),
    ("Our numbers are estimates from a single week.", "closing"),
    ("These are rough numbers, but the trend is clear.", "closing"),
    ("The examples above are simplified; production code needs retries.", "closing"),
    ("Let me know if this helped, or if you have questions.", "closing"),
    ("Let me know what you think in the comments.", "closing"),
    ("I can also recommend reading the Vector docs on buffers.", "closing"),
    ("If you liked this post, I'll write a follow-up on sinks.", "closing"),
    ("Happy to answer questions on the forum.", "closing"),
    ("Should I upgrade to 0.40? Probably, once the changelog settles.", "closing"),
    ("Want a deeper dive? The source is on GitHub.", "closing"),
    ("Need a quick summary? Vector moves logs from sources to sinks.", "closing"),
    ("I kept the sinks simple so the example stays readable.", "closing"),
    ("I used the default buffer size in every example.", "closing"),
    ("I haven't tested the sinks with Kafka 4.", "closing"),
    ("I assumed you have Docker installed.", "closing"),
    ("Swap the file source for journald if you use systemd.", "closing"),
    ("Replace the sample config with your own pipeline.", "closing"),
    ("Double-check the sink's credentials before you deploy.", "closing"),
    ("Verify the numbers on your own hardware; they vary a lot.", "closing"),
    ("Cite Vector's docs if you reuse these diagrams.", "closing"),
    ("(Replace the token with your own.)", "middle"),
    ("(See the figures below for the details.)", "middle"),
    ("(Check the numbers in the metrics tab.)", "middle"),
    ("[Update: the bug was fixed in 0.39.]", "middle"),
    ("_Thanks to Ana for reviewing a draft of this post._", "closing"),
    ("*Update: I added a section on disk buffers after feedback from readers.*", "closing"),
    ("> Note: replace the hostnames with your own before running the script.", "closing"),
    ("> Reminder: the free tier caps ingestion at 10 GB a day.", "closing"),
    ("I wrote this post after our logging bill doubled.", "opening"),
    ("This post assumes you have read the introduction to Vector.", "opening"),
    ("Thanks for reading, and feel free to share your own numbers with us.", "closing"),
    ("Should the buffer be on disk? Only when losing events is worse than slowing down.", "closing"),
    ("For more details, check this blog post on how to size the disk buffer.", "closing"),
    ("The benchmark figures are approximate.", "middle"),
    ("Link the library where it is needed, not in every crate.", "closing"),
    ("You should add an index under heavy load.", "closing"),
    ("I skipped breakfast to finish the migration.", "closing"),
    ("Make sure the numbers in the output match the ones above.", "middle"),
    ("These figures should be verified by every team that runs them.", "closing"),
]


@pytest.mark.parametrize(("sentence", "place", "code"), SAID, ids=[s[:40] for s, _, _ in SAID])
def test_a_sentence_to_the_requester_is_reported(sentence: str, place: str, code: str) -> None:
    text, line = draft(sentence, place)
    assert (line, code) in leftover_lines(text)


@pytest.mark.parametrize(("sentence", "place"), NEAR, ids=[s[:40] for s, _ in NEAR])
def test_a_sentence_to_readers_is_left_alone(sentence: str, place: str) -> None:
    text, _ = draft(sentence, place)
    assert leftover_lines(text) == []


# Sentences written before the grammar was, never developed on (tests/data/address_heldout.toml):
# the share reported is the grammar's measure on phrasings it did not see. First measured: 15/22.
HELD_OUT_FLOOR = 15
_HELD_OUT_BODY = [
    "Connection pools keep a set of open connections so each request skips the handshake. Sized "
    "well, they cut tail latency without starving the database.",
    "Start from the number of cores on the database host, not the number of application threads. "
    "A pool larger than the database can serve only moves the queue.",
    "Watch the wait time metric: when requests queue for a connection, the pool is too small or "
    "the queries are too slow.",
]


def test_held_out_sentences_keep_their_first_measured_share() -> None:
    from pathlib import Path

    from seolint.config.files import tomllib

    said = tomllib.loads(
        (Path(__file__).parent / "data" / "address_heldout.toml").read_text(encoding="utf-8")
    )
    reported = 0
    for entry in said["said"]:
        blocks = list(_HELD_OUT_BODY)
        at = {"opening": 0, "middle": 2, "closing": len(blocks)}[entry["place"]]
        blocks.insert(at, entry["text"])
        text = "# Tuning connection pools\n\n" + "\n\n".join(blocks) + "\n"
        reported += any(line == _FIRST + 2 * at for line, _ in leftover_lines(text))
    print(f"held out: {reported}/{len(said['said'])}")
    assert reported >= HELD_OUT_FLOOR
