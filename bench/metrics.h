/*
 * metrics.h: the measures bench/evaluate reports, kept apart from any I/O so
 * that they can be checked by hand: set precision/recall/F1 for facets and,
 * for a ranked list against graded judgements, nDCG@k (linear gain = grade,
 * log2(rank + 1) discount, ideal = the judged grades sorted), recall@k and
 * the reciprocal rank of the first relevant report within the first k.
 */
#ifndef VP_METRICS_H
#define VP_METRICS_H

#include <stddef.h>

typedef struct vp_prf_counts {
    size_t correct;   /* found and in the gold */
    size_t found;     /* found by the system */
    size_t gold;      /* in the gold */
} vp_prf_counts;

/* Precision, recall and F1 of counts; 1 for an empty denominator of
 * precision or recall only when the other side is empty too. */
double vp_precision(const vp_prf_counts *c);
double vp_recall(const vp_prf_counts *c);
double vp_f1(const vp_prf_counts *c);

/* grades[i] is the judged grade (0 unjudged) of the report at rank i + 1 of
 * the system's list of n; ideal holds every judged grade (> 0), n_ideal of
 * them, in any order (it is sorted in place). */
double vp_ndcg_at(const int *grades, size_t n, int *ideal, size_t n_ideal, size_t k);
double vp_recall_at(const int *grades, size_t n, size_t n_relevant, size_t k);
double vp_reciprocal_rank_at(const int *grades, size_t n, size_t k);

#endif /* VP_METRICS_H */
