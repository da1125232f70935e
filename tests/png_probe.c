/* png_probe: prints "R G B" for each x,y argument of a PNG, or the largest distance from
 * a colour within a radius: the rendering tests' way of reading pixels. */
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* usage: png_probe FILE.png X Y [X Y ...]
 *        png_probe FILE.png --near X Y R RRGGBB   (prints the smallest colour distance
 *        to RRGGBB among pixels within R of X,Y) */
int main(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    cairo_surface_t *s = cairo_image_surface_create_from_png(argv[1]);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "png_probe: cannot read %s\n", argv[1]);
        return 2;
    }
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *d = cairo_image_surface_get_data(s);
#define PX(x, y) ((const unsigned char *)(d + (size_t)(y) * stride + (size_t)(x) * 4))
    if (argv[2][0] == '-' && argc == 8) {
        double cx = atof(argv[3]), cy = atof(argv[4]), r = atof(argv[5]);
        unsigned rgb = (unsigned)strtoul(argv[6], NULL, 16);
        int tr = (rgb >> 16) & 255, tg = (rgb >> 8) & 255, tb = rgb & 255;
        double best = 1e9;
        for (int y = (int)(cy - r); y <= (int)(cy + r); y++)
            for (int x = (int)(cx - r); x <= (int)(cx + r); x++) {
                if (x < 0 || y < 0 || x >= w || y >= h || hypot(x - cx, y - cy) > r)
                    continue;
                const unsigned char *p = PX(x, y); /* BGRA in memory, premultiplied, opaque */
                double dist = sqrt(pow(p[2] - tr, 2) + pow(p[1] - tg, 2) + pow(p[0] - tb, 2));
                best = fmin(best, dist);
            }
        printf("%.1f\n", best);
        cairo_surface_destroy(s);
        return 0;
    }
    for (int i = 2; i + 1 < argc; i += 2) {
        int x = (int)floor(atof(argv[i])), y = (int)floor(atof(argv[i + 1]));
        if (x < 0 || y < 0 || x >= w || y >= h) {
            printf("outside\n");
            continue;
        }
        const unsigned char *p = PX(x, y);
        printf("%d %d %d\n", p[2], p[1], p[0]);
    }
    cairo_surface_destroy(s);
    return 0;
}
