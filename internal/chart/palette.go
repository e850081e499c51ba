package chart

import (
	"math"
	"strconv"
)

// Palette is the fixed list of series colours. Each has a contrast ratio
// of at least 4.5:1 against white (WCAG 1.4.11 asks 3:1 for graphics), so
// thin lines and value labels written in them stay visible. Series take
// them in order; the first three (blue, green, amber) suit the usual
// "good, fair, poor" stacks such as early, on time, late. Each call
// returns a new slice, so that no caller can recolour the charts of another.
func Palette() []string {
	return []string{
		"#1f5fa8", // blue
		"#15803d", // green
		"#b45309", // amber
		"#7e22ce", // purple
		"#b91c1c", // red
		"#0e7490", // cyan
		"#4b5563", // grey
		"#a21caf", // magenta
	}
}

// Meaning never rests on colour alone: bars carry ECharts' decal patterns
// (aria.decal), and each line its own symbol and dash type, so that series
// differ in shape too; the legend names every series.
var (
	symbols = []string{"circle", "rect", "triangle", "diamond", "emptyCircle", "emptyRect", "emptyTriangle", "emptyDiamond"}
	dashes  = []string{"solid", "dashed", "dotted"}
)

// style returns the colour, symbol and dash type of the i-th series.
func style(i int) (color, symbol, dash string) {
	palette := Palette()
	return palette[i%len(palette)], symbols[i%len(symbols)], dashes[i%len(dashes)]
}

// contrast is the WCAG contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	if len(hex) != 7 || hex[0] != '#' {
		return 0
	}
	var rgb [3]float64
	for i := range rgb {
		n, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return 0
		}
		c := float64(n) / 255
		if c <= 0.03928 {
			rgb[i] = c / 12.92
		} else {
			rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
}
