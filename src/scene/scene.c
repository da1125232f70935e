/* scene: storage for the display list. */
#include "scene.h"

#include "../core/grow.h"

#include <stdlib.h>
#include <string.h>

cm_scene_layer *cm_scene_add_layer(cm_scene *s, const char *id, const char *label)
{
    cm_scene_layer *grown = realloc(s->layers, (s->nlayers + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    s->layers = grown;
    cm_scene_layer *L = &s->layers[s->nlayers];
    memset(L, 0, sizeof *L);
    L->id = cm_strdup(id);
    L->label = cm_strdup(label ? label : id);
    if (!L->id || !L->label) {
        free(L->id);
        free(L->label);
        return NULL;
    }
    s->nlayers++;
    return L;
}

cm_item *cm_scene_add_item(cm_scene_layer *L, cm_item_kind kind)
{
    if (cm_grow((void **)&L->items, &L->cap, L->count + 1, sizeof(cm_item), 16))
        return NULL;
    cm_item *it = &L->items[L->count++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

static int dup_opt(char **dst, const char *s)
{
    if (!s)
        return 0;
    *dst = cm_strdup(s);
    return *dst ? 0 : -1;
}

cm_status cm_item_set_strings(cm_item *it, const char *feature_id, const char *name,
                              const char *css_class)
{
    if (dup_opt(&it->feature_id, feature_id) || dup_opt(&it->name, name) ||
        dup_opt(&it->css_class, css_class))
        return CM_ESYS;
    return CM_OK;
}

void cm_scene_move_last(cm_scene *s, size_t at)
{
    if (s->nlayers == 0 || at >= s->nlayers - 1)
        return;
    cm_scene_layer moved = s->layers[s->nlayers - 1];
    memmove(&s->layers[at + 1], &s->layers[at], (s->nlayers - 1 - at) * sizeof moved);
    s->layers[at] = moved;
}

cm_status cm_scene_take_layers(cm_scene *dst, cm_scene *src)
{
    if (src->nlayers == 0)
        return CM_OK;
    cm_scene_layer *grown = realloc(dst->layers, (dst->nlayers + src->nlayers) * sizeof *grown);
    if (!grown)
        return CM_ESYS;
    dst->layers = grown;
    memcpy(dst->layers + dst->nlayers, src->layers, src->nlayers * sizeof *grown);
    dst->nlayers += src->nlayers;
    free(src->layers);
    src->layers = NULL;
    src->nlayers = 0;
    return CM_OK;
}

const cm_scene_layer *cm_scene_find_layer(const cm_scene *s, const char *id)
{
    for (size_t i = 0; i < s->nlayers; i++)
        if (strcmp(s->layers[i].id, id) == 0)
            return &s->layers[i];
    return NULL;
}

void cm_item_free_contents(cm_item *it)
{
    free(it->feature_id);
    free(it->name);
    free(it->css_class);
    free(it->text);
    free(it->font);
    it->feature_id = it->name = it->css_class = it->text = it->font = NULL;
    cm_geom_free(&it->path);
}

void cm_scene_free(cm_scene *s)
{
    for (size_t i = 0; i < s->nlayers; i++) {
        cm_scene_layer *L = &s->layers[i];
        for (size_t k = 0; k < L->count; k++)
            cm_item_free_contents(&L->items[k]);
        free(L->items);
        free(L->id);
        free(L->label);
    }
    free(s->layers);
    free(s->title);
    memset(s, 0, sizeof *s);
}

int cm_box_overlap(const cm_box *a, const cm_box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}
