/*
 * metrics.c: facet and ranking measures (see metrics.h).
 */
#include "metrics.h"

#include <math.h>
#include <stdlib.h>

static double ratio(size_t num, size_t den, size_t other)
{
    if (den == 0)
        return other == 0 ? 1.0 : 0.0;
    return (double)num / (double)den;
}

double vp_precision(const vp_prf_counts *c)
{
    return ratio(c->correct, c->found, c->gold);
}

double vp_recall(const vp_prf_counts *c)
{
    return ratio(c->correct, c->gold, c->found);
}

double vp_f1(const vp_prf_counts *c)
{
    double p = vp_precision(c), r = vp_recall(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static double dcg(const int *grades, size_t n, size_t k)
{
    double sum = 0;
    for (size_t i = 0; i < n && i < k; i++)
        sum += grades[i] / log2((double)i + 2);
    return sum;
}

static int by_grade_desc(const void *a, const void *b)
{
    return *(const int *)b - *(const int *)a;
}

double vp_ndcg_at(const int *grades, size_t n, int *ideal, size_t n_ideal, size_t k)
{
    qsort(ideal, n_ideal, sizeof *ideal, by_grade_desc);
    double best = dcg(ideal, n_ideal, k);
    return best > 0 ? dcg(grades, n, k) / best : 0.0;
}

double vp_recall_at(const int *grades, size_t n, size_t n_relevant, size_t k)
{
    size_t hits = 0;
    for (size_t i = 0; i < n && i < k; i++)
        hits += grades[i] > 0;
    return n_relevant ? (double)hits / (double)n_relevant : 0.0;
}

double vp_reciprocal_rank_at(const int *grades, size_t n, size_t k)
{
    for (size_t i = 0; i < n && i < k; i++)
        if (grades[i] > 0)
            return 1.0 / (double)(i + 1);
    return 0.0;
}
