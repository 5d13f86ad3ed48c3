#!/usr/bin/python3
"""Routing-model variants on ../shared/data/hotline, same protocol as `jianfu routing evaluate`.

A prototype harness, not part of the platform and not run by the tests: it exists so the claim in
docs/text-intelligence.md — that accuracy sits near 91% for every model family tried here — can be checked.
Needs Debian's python3-sklearn and python3-jieba (apt-get install python3-sklearn python3-jieba).

Protocol: stratified k-fold over the 1,793 full messages; each fold trains on the other messages plus the 7,993
titles, less the titles of its own held-out messages (the titles file repeats them); it is scored on the held-out
full messages. Text preparation as in RoutingClassifier: the title repeated five times, then the body; digits and
punctuation dropped.

    python3 docs/experiments/routing_variants.py [--data-dir ../shared/data/hotline] [--only NAME ...]
"""
import argparse, csv, logging, os, re
import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

parser = argparse.ArgumentParser()
parser.add_argument('--data-dir', default=os.path.join(os.path.dirname(__file__), '../../../shared/data/hotline'))
parser.add_argument('--only', nargs='*')
args = parser.parse_args()


def read(name):
    with open(os.path.join(args.data_dir, name), encoding='utf-8') as f:
        return [(r['text'], r['label']) for r in csv.DictReader(f)]


def split(text):
    text = text.strip()
    cut = re.search(r'[ \n\t]', text)
    return (text[:cut.start()], text[cut.start():]) if cut else (text, '')


def clean(s):
    return re.sub(r'[^\w\u4e00-\u9fff]+', ' ', re.sub(r'[0-9０-９]+', '', s)).lower()


def prep(text, repeats=5):
    title, body = split(text)
    return clean(' '.join([title] * repeats) + body if body else title)


messages, titles = read('train.csv'), read('titles_train.csv')
X = np.array([m[0] for m in messages]); y = np.array([m[1] for m in messages])
TX = np.array([t[0] for t in titles]); TY = np.array([t[1] for t in titles])
labels = sorted(set(y))


def cv(name, fit_predict, k=5):
    """fit_predict(train_texts, train_labels, test_texts) -> predicted labels."""
    if args.only and name not in args.only:
        return
    predicted = np.empty(len(y), dtype=object)
    for train, test in StratifiedKFold(k, shuffle=True, random_state=1).split(X, y):
        held = {split(t)[0] for t in X[test]}
        keep = np.array([t.strip() not in held for t in TX])
        predicted[test] = fit_predict(np.concatenate([X[train], TX[keep]]), np.concatenate([y[train], TY[keep]]), X[test])
    print(f'{name:<34} accuracy {accuracy_score(y, predicted):.1%}  macro-F1 {f1_score(y, predicted, average="macro"):.1%}', flush=True)


def chars(**kw):
    return TfidfVectorizer(analyzer='char', ngram_range=(1, 2), preprocessor=prep, **kw)


def linear(model, vectorizer=chars):
    def run(train, labels_, test):
        v = vectorizer()
        return model().fit(v.fit_transform(train), labels_).predict(v.transform(test))
    return run


def words():
    import jieba
    jieba.setLogLevel(logging.WARNING)
    return TfidfVectorizer(tokenizer=lambda s: [w for w in jieba.lcut(s) if w.strip()], preprocessor=prep, token_pattern=None)


def chars_and_words(train, labels_, test):
    c, w = chars(), words()
    a = sp.hstack([c.fit_transform(train), w.fit_transform(train)]).tocsr()
    return LinearSVC(C=1).fit(a, labels_).predict(sp.hstack([c.transform(test), w.transform(test)]).tocsr())


def augmented(train, labels_, test):
    """Shared features plus body-only features at half weight (feature augmentation for titles vs full messages)."""
    shared, body = chars(), TfidfVectorizer(analyzer='char', ngram_range=(1, 2))
    bodies = lambda texts: [clean(split(t)[1]) for t in texts]
    body.fit([b for b in bodies(train) if b])
    a = sp.hstack([shared.fit_transform(train), 0.5 * body.transform(bodies(train))]).tocsr()
    return LinearSVC(C=1).fit(a, labels_).predict(sp.hstack([shared.transform(test), 0.5 * body.transform(bodies(test))]).tocsr())


def nb_weighted(train, labels_, test):
    """NB-weighted one-vs-rest logistic regression (Wang & Manning's NBSVM idea)."""
    v = chars(); a = v.fit_transform(train).tocsr(); e = v.transform(test).tocsr()
    scores = np.zeros((e.shape[0], len(labels)))
    for j, c in enumerate(labels):
        pos = labels_ == c
        p = 1 + np.asarray(a[pos].sum(0)).ravel(); q = 1 + np.asarray(a[~pos].sum(0)).ravel()
        r = sp.diags(np.log((p / p.sum()) / (q / q.sum())))
        scores[:, j] = LogisticRegression(C=10, solver='liblinear').fit(a @ r, pos).decision_function(e @ r)
    return np.array(labels)[scores.argmax(1)]


def title_mix(train, labels_, test):
    """Test-time mix: log-probabilities of the whole message plus 0.2 × those of its title and of its body."""
    v = chars(); m = LogisticRegression(C=100, max_iter=3000).fit(v.fit_transform(train), labels_)
    lp = lambda texts: np.log(m.predict_proba(v.transform(texts)))
    mixed = lp(test) + 0.2 * lp([split(t)[0] for t in test]) + 0.2 * lp([split(t)[1] for t in test])
    return m.classes_[mixed.argmax(1)]


cv('logistic regression C=100 (Jianfu)', linear(lambda: LogisticRegression(C=100, max_iter=3000)))
cv('  same, sublinear TF', linear(lambda: LogisticRegression(C=100, max_iter=3000), lambda: chars(sublinear_tf=True)))
cv('linear SVM C=1', linear(lambda: LinearSVC(C=1)))
cv('  same, 3-fold', linear(lambda: LinearSVC(C=1)), k=3)
cv('  same, 10-fold', linear(lambda: LinearSVC(C=1)), k=10)
cv('  same, 20-fold', linear(lambda: LinearSVC(C=1)), k=20)
cv('complement naive Bayes a=0.1', linear(lambda: ComplementNB(alpha=0.1)))
cv('jieba words, linear SVM', linear(lambda: LinearSVC(C=1), words))
cv('chars + jieba words, linear SVM', chars_and_words)
cv('title/body feature augmentation', augmented)
cv('NB-weighted logistic regression', nb_weighted)
cv('test-time title/body mix', title_mix)
