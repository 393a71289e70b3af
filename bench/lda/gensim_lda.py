"""gensim's LdaMulticore on a tokens file (one document per line, tokens separated by single spaces),
writing the same files as `foresight topics train`: OUT with train_seconds, sweeps (passes) and the top
words of each topic, and OUT.phi.json with the vocabulary and the K x V topic-word probabilities."""
import argparse
import json
import sys
import time

from gensim.corpora import Dictionary
from gensim.models import LdaMulticore


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--k", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--alpha", default="asymmetric")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(args.corpus, encoding="utf-8") as f:
        docs = [line.rstrip("\n").split(" ") if line.strip() else [] for line in f]
    dictionary = Dictionary(docs)  # no filtering: the tokens are used as given
    bow = [dictionary.doc2bow(doc) for doc in docs]
    print(f"gensim: {len(docs)} documents, {len(dictionary)} terms", file=sys.stderr)

    started = time.perf_counter()
    model = LdaMulticore(
        bow,
        num_topics=args.k,
        id2word=dictionary,
        workers=args.workers,
        passes=args.passes,
        alpha=args.alpha,
        random_state=args.seed,
        eval_every=None,  # perplexity logging off: it costs time and is not part of training
    )
    train_seconds = time.perf_counter() - started

    phi = model.get_topics()  # K x V, rows normalised
    vocab = [dictionary[i] for i in range(len(dictionary))]
    topics = [[vocab[i] for i in row.argsort()[::-1][: args.top]] for row in phi]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"train_seconds": train_seconds, "sweeps": args.passes, "topics": topics}, f)
    with open(args.out + ".phi.json", "w", encoding="utf-8") as f:
        json.dump({"vocab": vocab, "phi": [[float(p) for p in row] for row in phi]}, f)
    print(f"gensim: trained in {train_seconds:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
