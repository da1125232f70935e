/* compare: route statistics for the comparison of corridors: geodesic lengths split into
 * land and sea, the countries crossed in order, border and sea crossings, hubs, and the
 * figures the papers quote. Computed numbers and quoted ones are kept apart. */
#ifndef CM_COMPARE_H
#define CM_COMPARE_H

#include "../load/feature.h"
#include "../style/style.h"

typedef struct {
    char iso[8];
    char name[64];
} cm_visit;

/* One route. Every string is owned; free through cm_comparison_free. */
typedef struct {
    char *id, *name;
    /* computed here */
    double length_km, land_km, sea_km; /* PROJ geodesics on WGS84 */
    cm_visit *countries;               /* in travel order, from the base map's polygons */
    size_t ncountries;
    int border_crossings; /* changes of country on land legs */
    char **sea_legs;      /* "Aktau–Baku (Caspian Sea)" */
    size_t nsea;
    char **hubs; /* terminals, hubs, border and ferry points in order */
    size_t nhubs;
    /* quoted from the papers (may be "") */
    char *kind, *status, *year, *source, *transit_days, *figures;
} cm_route_stats;

typedef struct {
    cm_route_stats *items;
    size_t count;
} cm_comparison;

/* Computes the statistics of every line of routes whose id matches one of the patterns, in
 * the order of routes. waypoints holds the same routes' rows as points (route, seq, name,
 * role: a leg between a `ferry` point and the next `ferry` point is at sea); it may be
 * NULL (all land). countries has polygons with iso_a3 and name; lakes (may be NULL) names
 * inland seas. out is zeroed by the caller and freed with cm_comparison_free. */
cm_status cm_compare_run(const cm_layer *routes, const cm_layer *waypoints,
                         const cm_layer *countries, const cm_layer *lakes,
                         const char *const *patterns, size_t npatterns, cm_comparison *out,
                         cm_error *err);
void cm_comparison_free(cm_comparison *c);

/* The countries of a route as "CHN KAZ RUS" (the name where there is no ISO code) into buf. */
void cm_route_countries(const cm_route_stats *r, char *buf, size_t n);

#endif
